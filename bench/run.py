#!/usr/bin/env python
"""The benchmark suite: serve the demo newsroom the production way and measure it.

    python bench/run.py                       # everything, SQLite and PostgreSQL(+Redis)
    python bench/run.py --db sqlite --duration 5 --only pages
    python bench/run.py --large               # also a 100,000-article / 50,000-member archive
    python bench/run.py --fresh               # rebuild the benchmark sites first

    # The large archive only, reused between runs, against a baseline checkout in the same run:
    python bench/run.py --db postgres --only large --before /tmp/main --rounds 3 --search-only

Each database gets a production-configured copy of the demo in bench/.var-<db>/ (DEBUG off,
granian with 2 workers and one blocking thread each, persistent database connections). Parts:

  pages    requests/s, p50, p99 at 32 connections per page, with the app's page cache on (the
           production default) and off, beside two baselines measured in the same run: /healthz
           on the same server (the framework's floor) and nginx serving a static file of the
           article's size (the machine's ceiling); plus the article through nginx's micro-cache
           (deploy/nginx-masthead.conf).
  queries  database queries per page, uncached, for an anonymous visitor and a paying member.
  memory   worker memory (RSS) after 10,000 mixed requests; with --before, that checkout and this
           one take turns on the same site (--rounds N times each).
  publish  seconds from an editor's publish to the change being visible to anonymous readers.
  large    (--large or --only large) page and search times on a big archive; search p95 for
           English and Chinese. The archive (bench/.var-<db>-large/ and its database,
           BENCH_LARGE_POSTGRES_URL / BENCH_LARGE_REDIS_URL on PostgreSQL) is built once and
           reused; --fresh rebuilds it.
"""

import argparse
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import lib  # noqa: E402

PARTS = ("pages", "queries", "memory", "publish")


def article_paths(base):
    """Article paths from the site's own RSS feed (no database access from here)."""
    feed = lib.fetch(base + "/feeds/rss/?limit=100").decode()
    links = re.findall(r"<link>https?://[^/<]+(/[^<]+)</link>", feed)
    return [link for link in links if link.count("/") >= 3]


def find_articles(base):
    public = premium = None
    for path in article_paths(base):
        html = lib.fetch(base + path).decode()
        if public is None and '"isAccessibleForFree": true' in html:
            public = path
        if (
            premium is None
            and '"isAccessibleForFree": false' in html
            and 'data-reason="membership_required"' in html
        ):
            premium = path
    return public, premium


def section_path(base):
    html = lib.fetch(base + "/").decode()
    return re.search(r'<nav class="sections-nav".*?<a href="(/[^"]+/)"', html, re.S).group(1)


def page_set(base, member):
    public, premium = find_articles(base)
    member_headers = (member,)
    full = lib.fetch(base + premium, headers=dict([member.split(": ", 1)])).decode()
    assert "paywalled-content" in full, "the member session did not give full access"
    return (
        public,
        premium,
        {
            "healthz (floor)": ("/healthz", ()),
            "home": ("/", ()),
            "section": (section_path(base), ()),
            "article (public)": (public, ()),
            "premium article, anonymous (preview)": (premium, ()),
            "search": ("/search/?q=china", ()),
            "RSS feed": ("/feeds/rss/", ()),
            "premium article, paying member": (premium, member_headers),
            "home, signed-in member": ("/", member_headers),
        },
    )


def measure(base, pages, args):
    rows = {}
    for name, (path, headers) in pages.items():
        lib.wrk(base + path, connections=args.connections, duration=2, headers=headers)  # warm up
        row = lib.wrk(base + path, connections=args.connections, duration=args.duration, headers=headers)
        rows[name] = row
        print(f"    {name:40} {row['rps']:9.1f} req/s  p99 {row['p99_ms']:7.1f} ms", flush=True)
    return rows


def part_pages(db, var_dir, member, args):
    results = {}
    for mode, enabled in (("cached", "1"), ("uncached", "0")):
        print(f"  {db}: page cache {'on' if enabled == '1' else 'off'}", flush=True)
        with lib.serve(db, var_dir, workers=args.workers, server=args.server, PAGE_CACHE_ENABLED=enabled) as (
            base,
            _,
        ):
            public, _premium, pages = page_set(base, member)
            results[mode] = measure(base, pages, args)
            if mode == "cached":
                with lib.nginx_proxy(base, var_dir) as proxy:
                    if proxy:
                        lib.fetch(proxy + public)
                        row = lib.wrk(proxy + public, connections=args.connections, duration=args.duration)
                        results[mode]["article (public) via nginx micro-cache"] = row
                        print(f"    {'article via nginx micro-cache':40} {row['rps']:9.1f} req/s", flush=True)
                size = len(lib.fetch(base + public))
    with lib.nginx_static(size) as static_url:
        if static_url:
            row = lib.wrk(static_url, connections=args.connections, duration=args.duration)
            for mode in results:
                results[mode]["nginx static file (ceiling)"] = row
    return results


QUERIES_SCRIPT = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.contrib.auth import get_user_model
paths, member = json.loads(%r), get_user_model().objects.get(username="bench-payer")
out = {}
for who in ("anonymous", "paying member"):
    client = Client(HTTP_HOST="127.0.0.1")
    if who != "anonymous":
        client.force_login(member)
    for name, path in paths.items():
        client.get(path)  # the first request of a process fills per-process caches
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        out[f"{name} ({who})"] = [len(queries), status]
print("QUERIES=" + json.dumps(out))
"""


def part_queries(db, var_dir, paths):
    import json

    out = subprocess.run(
        [lib.PY, str(lib.ROOT / "manage.py"), "shell", "-c", QUERIES_SCRIPT % json.dumps(paths)],
        cwd=lib.ROOT,
        env=lib.site_env(db, var_dir, PAGE_CACHE_ENABLED="0"),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    counts = json.loads(re.search(r"QUERIES=(.*)", out).group(1))
    for name, (count, status) in counts.items():
        print(f"    {name:58} {count:3d} queries  (HTTP {status})")
    return {name: count for name, (count, _status) in counts.items()}


def part_memory_rounds(db, var_dir, member, args):
    """Worker memory; with --before, the baseline's code and this one take turns (--rounds)."""
    if not args.before:
        return part_memory(db, var_dir, member, args)
    trees = [("before", Path(args.before).resolve()), ("after", lib.ROOT)]
    runs = {"before": [], "after": []}
    for round_number in range(args.rounds):
        for label, root in trees:
            print(f"    round {round_number + 1}, {label} ({root})", flush=True)
            runs[label].append(part_memory(db, var_dir, member, args, root=root))
    out = dict(runs["after"][-1])
    out["rounds"] = runs
    return out


def part_memory(db, var_dir, member, args, target=10_000, root=None):
    with lib.serve(db, var_dir, workers=args.workers, server=args.server, root=root) as (base, process):
        public, premium, pages = page_set(base, member)
        anonymous = lib.rotate_script([p for _n, (p, h) in pages.items() if not h])
        members = lib.rotate_script([premium, "/", "/account/", public])
        before = lib.worker_memory_mb(process.pid)
        done = 0
        while done < target:
            done += lib.wrk(base + "/", connections=8, duration=3, script=anonymous)["requests"]
            done += lib.wrk(base + "/", connections=8, duration=3, script=members, headers=(member,))[
                "requests"
            ]
        after = lib.worker_memory_mb(process.pid)
        anon = lib.worker_memory_mb(process.pid, "RssAnon")
    print(
        f"    after {done:,} requests: workers {', '.join(f'{m:.0f} MB' for m in after)} "
        f"(at start: {', '.join(f'{m:.0f} MB' for m in before)}; "
        f"own memory (RssAnon) after: {', '.join(f'{m:.0f} MB' for m in anon)})"
    )
    return {"requests": done, "start_mb": before, "after_mb": after, "anon_mb": anon}


PUBLISH_SCRIPT = """
import time
from masthead.content.models import ArticlePage
article = ArticlePage.objects.get(slug=%r)
article.title = %r
article.save_revision().publish()
print("PUBLISHED=%%f" %% time.time())
"""


def part_publish(db, var_dir, args, rounds=3):
    """Editor publishes a new headline; how long until an anonymous reader sees it?"""
    delays = []
    with lib.serve(db, var_dir, workers=args.workers, server=args.server) as (base, _):
        public, _premium = find_articles(base)
        slug = public.rstrip("/").rsplit("/", 1)[1]
        for n in range(rounds):
            headline = f"Benchmark headline {int(time.time())}-{n}"
            lib.fetch(base + public)
            seen = {}

            def poll(headline=headline, seen=seen):
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    if headline in lib.fetch(base + public).decode():
                        seen["at"] = time.time()
                        return
                    time.sleep(0.02)

            watcher = threading.Thread(target=poll)
            watcher.start()
            out = subprocess.run(
                [lib.PY, str(lib.ROOT / "manage.py"), "shell", "-c", PUBLISH_SCRIPT % (slug, headline)],
                cwd=lib.ROOT,
                env=lib.site_env(db, var_dir),
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            watcher.join()
            published = float(re.search(r"PUBLISHED=([\d.]+)", out).group(1))
            delays.append(max(0.0, seen.get("at", float("inf")) - published))
    print(f"    publish → visible to anonymous readers: {', '.join(f'{d:.2f} s' for d in delays)}")
    return delays


EN_QUERIES = ["china", "startup", "robots", "chips export", "battery", "founders", "venture", "policy"]
ZH_QUERIES = ["中国", "芯片", "创业", "机器人", "电池", "投资", "政策", "人工智能"]


def search_times(base, queries, repeat=6):
    """Sequential uncached searches (the server runs with its page cache off), in ms."""
    times = []
    for _ in range(repeat):
        for q in queries:
            started = time.perf_counter()
            lib.fetch(base + "/search/?" + urllib.parse.urlencode({"q": q}))
            times.append((time.perf_counter() - started) * 1000)
    return times


def percentiles(times):
    times = sorted(times)
    return {"p50_ms": statistics.median(times), "p95_ms": times[int(len(times) * 0.95) - 1], "n": len(times)}


def search_latencies(base, queries, repeat=6):
    return percentiles(search_times(base, queries, repeat))


def build_large(db, args):
    """The large archive's site; an existing one (bench/.var-<db>-large/ and its database) is reused."""
    var_dir = lib.prepare_site(db, fresh=args.fresh, suffix="-large")
    print(
        f"  {db}: generating {args.large_articles:,} articles and {args.large_members:,} members …",
        flush=True,
    )
    subprocess.run(
        [
            lib.PY,
            str(lib.ROOT / "manage.py"),
            "shell",
            "-c",
            f"from bench.large import generate; generate(articles={args.large_articles}, members={args.large_members})",
        ],
        cwd=lib.ROOT,
        env=lib.site_env(db, var_dir),
        check=True,
    )
    return var_dir


def part_large(db, args):
    """Pages and search on the large archive; with --before, the baseline's code on the same site.

    With --rounds N the trees take turns N times (before, after, before, after, …) so load from
    other processes on a shared machine falls on both; the percentiles are over all rounds.
    """
    var_dir = build_large(db, args)
    member = lib.member_session_cookie(db, var_dir)
    trees = ([("before", Path(args.before).resolve())] if args.before else []) + [("after", lib.ROOT)]
    samples = {(label, lang): [] for label, _root in trees for lang in ("English", "Chinese")}
    results = {label: {} for label, _root in trees}
    for round_number in range(args.rounds):
        for label, root in trees:
            if db == "postgres":
                import redis

                redis.Redis.from_url(lib.redis_url(var_dir)).flushdb()  # nothing cached by the other code
            result = results[label]
            with lib.serve(
                db, var_dir, workers=args.workers, server=args.server, root=root, PAGE_CACHE_ENABLED="0"
            ) as (base, _):
                if round_number == 0 and not args.search_only:
                    _public, _premium, pages = page_set(base, member)
                    wanted = [
                        "home",
                        "section",
                        "article (public)",
                        "premium article, paying member",
                        "search",
                    ]
                    print(f"  [{label}] pages, uncached", flush=True)
                    result["pages (uncached)"] = measure(base, {k: pages[k] for k in wanted}, args)
                    try:
                        deep = lib.fetch(base + pages["section"][0] + "?page=500")
                        result["deep section page"] = len(deep)
                    except urllib.error.HTTPError as error:
                        result["deep section page"] = error.code
                for lang, queries in (("English", EN_QUERIES), ("Chinese", ZH_QUERIES)):
                    search_times(base, queries[:2], repeat=1)  # warm up
                    times = search_times(base, queries)
                    samples[label, lang] += times
                    row = percentiles(times)
                    print(
                        f"    [{label}] round {round_number + 1}: search ({lang}): "
                        f"p50 {row['p50_ms']:.1f} ms, p95 {row['p95_ms']:.1f} ms",
                        flush=True,
                    )
    for (label, lang), times in samples.items():
        results[label][f"search {lang}"] = percentiles(times)
    out = results["after"]
    if args.before:
        out["before"] = results["before"]
    return out


def print_pages(db, results, args):
    for mode, rows in results.items():
        print(
            f"== {db}: {args.server}, {args.workers} workers, {args.connections} connections, page cache {mode}"
        )
        lib.print_table(rows, baseline_key="healthz (floor)", ceiling_key="nginx static file (ceiling)")
        print()


def print_summary(results, args):
    print()
    for db, out in results.items():
        if "pages" in out:
            print_pages(db, out["pages"], args)
        if "memory" in out:
            print(
                f"== {db}: worker RSS after {out['memory']['requests']:,} requests: "
                + ", ".join(f"{m:.0f} MB" for m in out["memory"]["after_mb"])
            )
            for label, runs in out["memory"].get("rounds", {}).items():
                for n, run in enumerate(runs, 1):
                    print(
                        f"   {label} round {n}: {run['requests']:,} requests, workers "
                        + ", ".join(f"{m:.0f} MB" for m in run["after_mb"])
                        + " (own: "
                        + ", ".join(f"{m:.0f} MB" for m in run["anon_mb"])
                        + ")"
                    )
        if "publish_seconds" in out:
            print(f"== {db}: publish → visible: max {max(out['publish_seconds']):.2f} s")
        if "large" in out:
            for label, rows in (("before", out["large"].get("before")), ("after", out["large"])):
                if rows is None:
                    continue
                for name in ("search English", "search Chinese"):
                    row = rows[name]
                    print(
                        f"== {db} large archive [{label}]: {name}: p50 {row['p50_ms']:.1f} ms, "
                        f"p95 {row['p95_ms']:.1f} ms ({row['n']} searches)"
                    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="sqlite,postgres")
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help=f"comma-separated parts of {PARTS}, or 'large' (with --large: only the large archive)",
    )
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--server", default="granian", choices=["granian", "gunicorn"])
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--large", action="store_true")
    parser.add_argument("--large-articles", type=int, default=100_000)
    parser.add_argument("--large-members", type=int, default=50_000)
    parser.add_argument(
        "--before", help="large, memory: also serve this checkout (e.g. main) on the same site, same run"
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="large, memory: rounds, taking turns with --before"
    )
    parser.add_argument("--search-only", action="store_true", help="large: measure search only, not pages")
    args = parser.parse_args()
    parts = set(args.only.split(","))

    if args.large:
        parts.add("large")

    results = {}
    for db in args.db.split(","):
        results[db] = out = {}
        if parts & set(PARTS):
            var_dir = lib.prepare_site(db, fresh=args.fresh)
            member = lib.member_session_cookie(db, var_dir)
        if "pages" in parts:
            out["pages"] = part_pages(db, var_dir, member, args)
        if "queries" in parts:
            with lib.serve(db, var_dir, workers=1, server=args.server) as (base, _):
                _public, _premium, pages = page_set(base, member)
            print(f"  {db}: database queries per page (uncached)")
            out["queries"] = part_queries(
                db, var_dir, {k: p for k, (p, h) in pages.items() if not h and k != "healthz (floor)"}
            )
        if "memory" in parts:
            print(f"  {db}: worker memory")
            out["memory"] = part_memory_rounds(db, var_dir, member, args)
        if "publish" in parts:
            print(f"  {db}: publish latency")
            out["publish_seconds"] = part_publish(db, var_dir, args)
        if "large" in parts:
            out["large"] = part_large(db, args)

    print_summary(results, args)
    print("saved", lib.save(results, "suite"))


if __name__ == "__main__":
    main()
