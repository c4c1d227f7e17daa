"""Benchmarks for analytics (issue 19). Run on demand, never in the test suite.

    python bench/analytics.py --part cached      # does counting slow the cached page path?
    python bench/analytics.py --part dashboard   # 1M page views a day, 50,000 members

cached: the demo site served as in production (granian, page cache), the same run measuring
  - a cached article with counting off (ANALYTICS_BEACON=0: no script tag, no beacon endpoint)
    and on (the script tag in the page, BeaconMiddleware in front of the page cache);
  - the beacon endpoint alone (POST /_hit);
  - page + beacon alternating, i.e. what one counted page view costs the server.
dashboard: bench/large.py's archive (100,000 articles, 50,000 members; generated once into
  bench/.var-<db>-large) plus generated events: subscriptions with their MRR history and
  payments for the paying members, and `--views` page views for today (Zipf-distributed over
  the archive, 350,000 visitors, paywall impressions on premium articles) counted into the real
  store (Redis HyperLogLogs and hashes, or PageHit rows on SQLite). Prints how long each rollup
  takes, copies today's traffic to `--days` earlier days, then times dashboard requests.

Use your own database and Redis: BENCH_POSTGRES_URL, BENCH_REDIS_URL (see bench/lib.py).
"""

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import lib  # noqa: E402

CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)


# --- cached page path -----------------------------------------------------------------------------


def _lua(text):
    handle = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    handle.write(text)
    handle.close()
    return handle.name


def beacon_script(page_id):
    return _lua(
        f"""
wrk.method = "POST"
wrk.body = "p=%2Fx%2F&id={page_id}"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["User-Agent"] = "{CHROME}"
"""
    )


def mixed_script(path, page_id):
    """One page view = the cached page, then its beacon."""
    return _lua(
        f"""
local n = 0
local headers = {{["User-Agent"] = "{CHROME}"}}
local beacon = {{["User-Agent"] = "{CHROME}", ["Content-Type"] = "application/x-www-form-urlencoded"}}
request = function()
  n = n + 1
  if n % 2 == 0 then
    return wrk.format("POST", "/_hit", beacon, "p=%2Fx%2F&id={page_id}")
  end
  return wrk.format("GET", "{path}", headers)
end
"""
    )


def find_article(base):
    html = lib.fetch(base + "/").decode()
    for path in re.findall(r'href="(/[a-z0-9-]+/[a-z0-9-]+/)"', html):
        page = lib.fetch(base + path).decode()
        match = re.search(r'data-page-id="(\d+)"', page)
        if match and "article-body" in page:
            return path, match.group(1)
    raise RuntimeError("no article found on the home page")


def clear_page_cache(db, var_dir):
    if db == "postgres":
        import redis

        redis.Redis.from_url(lib.redis_url(var_dir)).flushdb()
    else:
        import shutil

        shutil.rmtree(var_dir / "cache", ignore_errors=True)


def part_cached(db, args):
    var_dir = lib.prepare_site(db, fresh=args.fresh)
    rows = {}
    for label, flag in (("off", "0"), ("on", "1")):
        clear_page_cache(db, var_dir)  # pages cached by the other setting must not be served
        with lib.serve(db, var_dir, workers=args.workers, ANALYTICS_BEACON=flag) as (base, _process):
            path, page_id = find_article(base)
            for _ in range(3):
                lib.fetch(base + path)
            html = lib.fetch(base + path).decode()
            assert bool(re.search(r"analytics/beacon[.\w]*\.js", html)) == (flag == "1"), (
                "the switch did not switch"
            )
            rows[f"cached article, counting {label}"] = lib.wrk(
                base + path,
                connections=args.connections,
                duration=args.duration,
                headers=[f"User-Agent: {CHROME}"],
            )
            if flag == "1":
                rows["beacon POST /_hit alone"] = lib.wrk(
                    base + "/_hit",
                    connections=args.connections,
                    duration=args.duration,
                    script=beacon_script(page_id),
                )
                mixed = lib.wrk(
                    base + "/",
                    connections=args.connections,
                    duration=args.duration,
                    script=mixed_script(path, page_id),
                )
                rows["page + beacon (requests)"] = mixed
                rows["counted page views (page + beacon)"] = {**mixed, "rps": mixed["rps"] / 2}
    print(
        f"== {db}: granian {args.workers} workers, {args.connections} connections, {args.duration} s per row"
    )
    lib.print_table(rows)
    off, on = rows["cached article, counting off"]["rps"], rows["cached article, counting on"]["rps"]
    print(f"cached article with counting on / off: {on / off:.3f}")
    print(
        f"counted page views per second / uncounted page views per second: {rows['counted page views (page + beacon)']['rps'] / off:.3f}"
    )
    return rows


# --- dashboard with a large site --------------------------------------------------------------------


def generate(*, views=1_000_000, days=90, seed=11):
    """Inside the large site (manage.py shell): events, rollups (timed) and history."""
    from datetime import timedelta

    from django.db import connection, transaction
    from django.utils import timezone

    from masthead.access.models import Grant
    from masthead.analytics.counting import PAYWALL, SEARCH_MISS, VIEW, store
    from masthead.analytics.models import DailyMetric
    from masthead.analytics.rollups import business, content, traffic
    from masthead.analytics.rollups.windows import roll_windows
    from masthead.billing.models import Payment, Plan, Price, RevenueChange, Subscription
    from masthead.content.models import ArticlePage

    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate(now)
    timings = {}

    def timed(name, fn, *a, **kw):
        started = time.perf_counter()
        result = fn(*a, **kw)
        timings[name] = round(time.perf_counter() - started, 2)
        print(f"  {name}: {timings[name]} s", flush=True)
        return result

    # Subscriptions, MRR history and payments for the members bench/large.py made paying.
    if not RevenueChange.objects.filter(subscription__provider_ref__startswith="bench_").exists():
        plan = Plan.objects.get(slug="individual")
        prices = [
            Price.objects.get(plan=plan, interval="month", currency=c, active=True) for c in ("USD", "CNY")
        ]
        grants = list(Grant.objects.filter(source="subscription", user__username__startswith="bench-member-"))
        with transaction.atomic():
            subs = []
            for n, grant in enumerate(grants):
                started = now - timedelta(days=rng.randint(1, 360))
                churned = n % 10 == 0
                ended = started + (now - started) * rng.random() if churned else None
                subs.append(
                    Subscription(
                        user_id=grant.user_id,
                        plan=plan,
                        price=prices[n % 2],
                        status="expired" if churned else "active",
                        provider="test",
                        provider_ref=f"bench_{grant.user_id}",
                        started_at=started,
                        current_period_start=started,
                        current_period_end=now + timedelta(days=rng.randint(1, 29)),
                        ended_at=ended,
                    )
                )
                Grant.objects.filter(pk=grant.pk).update(starts_at=started, ends_at=ended or grant.ends_at)
            Subscription.objects.bulk_create(subs, batch_size=2000)
            subs = list(
                Subscription.objects.filter(provider_ref__startswith="bench_").select_related("price")
            )
            changes, payments = [], []
            for sub in subs:
                changes.append(
                    RevenueChange(
                        subscription=sub,
                        at=sub.started_at,
                        currency=sub.price.currency,
                        mrr=sub.price.amount,
                        previous_mrr=0,
                        status="active",
                    )
                )
                if sub.ended_at:
                    changes.append(
                        RevenueChange(
                            subscription=sub,
                            at=sub.ended_at,
                            currency=sub.price.currency,
                            mrr=0,
                            previous_mrr=sub.price.amount,
                            status="expired",
                        )
                    )
                at = sub.started_at
                while at < (sub.ended_at or now):
                    payments.append(
                        Payment(
                            subscription=sub,
                            user_id=sub.user_id,
                            description="bench",
                            amount=sub.price.amount,
                            currency=sub.price.currency,
                            state="paid",
                            provider="test",
                            provider_ref=f"bench_{sub.pk}_{at:%Y%m%d}",
                            created_at=at,
                        )
                    )
                    at += timedelta(days=30)
            RevenueChange.objects.bulk_create(changes, batch_size=5000)
            Payment.objects.bulk_create(payments, batch_size=5000)
        print(
            f"  made {len(subs):,} subscriptions, {len(changes):,} MRR changes, {len(payments):,} payments",
            flush=True,
        )

    # Today's page views, counted into the real store (aggregated per key: the per-beacon cost is
    # what part_cached measures).
    articles = list(
        ArticlePage.objects.live().order_by("-first_published_at").values_list("pk", "access_level")
    )
    weights = [1 / (rank + 1) ** 1.05 for rank in range(len(articles))]
    visitors = [f"{rng.getrandbits(64):016x}" for _ in range(350_000)]
    counts, readers, paywall = {}, {}, {}
    for pk, level in rng.choices(articles, weights=weights, k=views):
        key = f"page:{pk}"
        counts[key] = counts.get(key, 0) + 1
        readers.setdefault(key, []).append(rng.choice(visitors))
        if level == "premium" and rng.random() < 0.35:
            cta = "membership_required" if rng.random() < 0.8 else "meter_used_up"
            paywall[f"{pk}|{cta}"] = paywall.get(f"{pk}|{cta}", 0) + 1

    def count_views():
        figures = {(today, VIEW, key): n for key, n in counts.items()}
        figures |= {(today, PAYWALL, key): n for key, n in paywall.items()}
        figures[(today, SEARCH_MISS, "quantum blockchain")] = 12
        seen = {(today, key): set(vs) for key, vs in readers.items()}
        seen[(today, "")] = set().union(*seen.values())
        store().write(figures, seen)

    timed(f"count {views:,} views into the store (aggregated per page)", count_views)
    print(f"  {len(counts):,} distinct pages read today", flush=True)
    timed("roll up today's traffic (1 day)", traffic.roll_day, today)
    timed("roll up today's revenue and members", business.roll_day, today, now=now)
    timed("roll up today's funnel, newsletters (daily)", content.roll_funnel_day, today)
    timed("cohorts (24 months)", business.roll_cohorts, now=now)

    # History: today's traffic rows copied to the earlier days (scaled), business rolled per day.
    table = DailyMetric._meta.db_table
    traffic_metrics = sorted(traffic.METRICS)
    placeholders = ", ".join(["%s"] * len(traffic_metrics))

    def copy_history():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {table} WHERE day < %s AND metric IN ({placeholders})",
                [today, *traffic_metrics],
            )
            for back in range(1, days):
                cursor.execute(
                    f"INSERT INTO {table} (day, metric, key, value) SELECT %s, metric, key, "
                    f"CAST(value * %s AS INTEGER) + 1 FROM {table} WHERE day = %s AND metric IN ({placeholders})",
                    [today - timedelta(days=back), 0.7 + 0.4 * rng.random(), today, *traffic_metrics],
                )

    timed(f"copy today's traffic to {days - 1} earlier days", copy_history)

    def business_history():
        for back in range(1, days):
            business.roll_day(today - timedelta(days=back), now=now)

    timed(f"roll up revenue and members for {days - 1} earlier days", business_history)
    timed("precomputed 7/30/90-day windows", roll_windows, today)
    print(f"  DailyMetric rows: {DailyMetric.objects.count():,}", flush=True)
    print("TIMINGS=" + json.dumps(timings))


ADMIN_SESSION_SCRIPT = """
from importlib import import_module
from django.conf import settings
from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
user = get_user_model().objects.get(username="admin")
store = import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.create()
print("SESSION=" + store.session_key)
"""


def timed_get(url, cookie, repeat):
    samples = []
    for _ in range(2):
        urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": cookie}), timeout=60).read()
    for _ in range(repeat):
        started = time.perf_counter()
        with urllib.request.urlopen(
            urllib.request.Request(url, headers={"Cookie": cookie}), timeout=60
        ) as response:
            response.read()
            assert response.status == 200, url
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50_ms": statistics.median(samples),
        "p95_ms": samples[max(0, int(len(samples) * 0.95) - 1)],
        "max_ms": samples[-1],
    }


def part_dashboard(db, args):
    var_dir = lib.prepare_site(db, fresh=args.fresh, suffix="-large")
    env = lib.site_env(db, var_dir)
    print(
        f"  {db}: bench/large.py archive ({args.articles:,} articles, {args.members:,} members) …", flush=True
    )
    shell = [lib.PY, str(lib.ROOT / "manage.py"), "shell", "-c"]
    if args.measure_only:
        return measure_dashboard(db, var_dir, env, shell, args)
    subprocess.run(
        shell
        + [f"from bench.large import generate; generate(articles={args.articles}, members={args.members})"],
        cwd=lib.ROOT,
        env=env,
        check=True,
    )
    print(
        f"  {db}: analytics events, {args.views:,} page views today, {args.days} days of history …",
        flush=True,
    )
    subprocess.run(
        shell + [f"from bench.analytics import generate; generate(views={args.views}, days={args.days})"],
        cwd=lib.ROOT,
        env=env,
        check=True,
    )
    return measure_dashboard(db, var_dir, env, shell, args)


def measure_dashboard(db, var_dir, env, shell, args):
    analyze = (
        "from masthead.analytics.rollups.windows import backfill_day_tops; backfill_day_tops(); "
        "from django.db import connection; connection.cursor().execute('ANALYZE')"
    )
    subprocess.run(shell + [analyze], cwd=lib.ROOT, env=env, check=True)
    out = subprocess.run(
        shell + [ADMIN_SESSION_SCRIPT], cwd=lib.ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    cookie = "sessionid=" + re.search(r"SESSION=(\w+)", out).group(1)
    from datetime import date, timedelta

    today = date.today()  # noqa: DTZ011 - a range weeks wide: a zone's hours do not matter
    custom = f"since={today - timedelta(days=40)}&until={today - timedelta(days=11)}"
    urls = {
        "overview (30 days, the default)": "/admin/analytics/",
        "content (30 days)": "/admin/analytics/content/",
        "content (90 days)": "/admin/analytics/content/?days=90",
        f"content (custom 30 days: {custom})": f"/admin/analytics/content/?{custom}",
        "revenue (30 days)": "/admin/analytics/revenue/",
        "revenue (12 months)": "/admin/analytics/revenue/?days=365",
        "members (30 days)": "/admin/analytics/members/",
        "conversion (30 days)": "/admin/analytics/funnel/",
        "newsletters (30 days)": "/admin/analytics/newsletters/",
        "events (30 days)": "/admin/analytics/events/",
        "admin home with the panel": "/admin/",
    }
    rows = {}
    with lib.serve(db, var_dir, workers=args.workers) as (base, _process):
        for name, path in urls.items():
            rows[name] = timed_get(base + path, cookie, args.repeat)
            print(
                f"    {name:58} p50 {rows[name]['p50_ms']:7.1f} ms  p95 {rows[name]['p95_ms']:7.1f} ms",
                flush=True,
            )
    return rows


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="postgres", help="sqlite, postgres or both (comma-separated)")
    parser.add_argument("--part", default="cached,dashboard")
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=50_000)
    parser.add_argument("--views", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--measure-only", action="store_true", help="dashboard: the data is there already")
    args = parser.parse_args()
    results = {}
    for db in args.db.split(","):
        if "cached" in args.part:
            results[f"{db} cached"] = part_cached(db, args)
        if "dashboard" in args.part:
            results[f"{db} dashboard"] = part_dashboard(db, args)
    lib.save(results, "analytics")


if __name__ == "__main__":
    main()
