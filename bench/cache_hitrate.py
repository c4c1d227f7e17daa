#!/usr/bin/env python
"""Page-cache hit rate under a mixed read / comment / publish load (issue 14, caching).

    BENCH_PORTS=21400-21499 BENCH_REDIS_URL=redis://127.0.0.1:6379/12 \\
    BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/masthead_cachetags_bench \\
    python bench/cache_hitrate.py --duration 60 --comments-per-s 1 --publishes-per-min 2 \\
        [--before /path/to/baseline-checkout]

The production set-up (bench/lib.py): granian (`--workers 2`, one blocking thread), PostgreSQL,
Redis. Load, for `--duration` seconds:

- `--readers` anonymous readers (threads, keep-alive connections), each cycling through the home
  page, the sections in the navigation, and the articles of the RSS feed, in a different order
  per reader. Each answer's `X-Cache` header counts as HIT, MISS, or neither (bypass).
- members commenting on the public articles of that set, `--comments-per-s` in all;
- an editor re-publishing an article of that set, `--publishes-per-min`.

Comments and publishes are made by one Django process beside the server (the same service
functions and Wagtail calls the views and the admin use, so the same signals and invalidation
run), not over HTTP: their cost is not what is measured, their effect on the cache is.

Reports, per code checkout: anonymous req/s, page-cache hit rate (HIT / (HIT + MISS)),
comments and publishes made. With `--before <checkout>` the baseline is measured first in the
same run, on the same site, and both are printed side by side.
"""

import argparse
import http.client
import json
import random
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Run inside `manage.py shell`: comments and publishes at the given rates until the deadline.
DRIVER = """
import json, os, random, time
from urllib.parse import urlparse
from django.contrib.auth import get_user_model
from masthead.access.reading import anonymous_decision
from masthead.community.models import CommunitySettings
from masthead.community.services import comment_create
from masthead.content.models import ArticlePage

paths = set(json.loads(os.environ["BENCH_PATHS"]))
comments_per_s = float(os.environ["BENCH_COMMENTS"])
publishes_per_s = float(os.environ["BENCH_PUBLISHES"]) / 60
articles = [a for a in ArticlePage.objects.live().specific() if urlparse(a.get_full_url() or "").path in paths]
public = [a for a in articles if anonymous_decision(a).full]
settings = CommunitySettings.load()
settings.hold_first_posts = False
settings.posts_per_minute = 0
settings.posts_per_day = 0
settings.save()
User = get_user_model()
members = [User.objects.get_or_create(username=f"bench-commenter-{i}", defaults={"email": f"bench-commenter-{i}@example.com"})[0] for i in range(20)]
rng = random.Random(14)
print("READY", flush=True)
input()  # the readers start now
deadline = time.time() + float(os.environ["BENCH_DURATION"])
made = {"comments": 0, "publishes": 0, "refused": 0, "articles": len(articles), "public": len(public)}
next_comment = time.time() + (1 / comments_per_s if comments_per_s else 1e12)
next_publish = time.time() + (1 / publishes_per_s if publishes_per_s else 1e12)
while time.time() < deadline:
    now = time.time()
    if now >= next_comment and public:
        try:
            comment_create(author=rng.choice(members), article=rng.choice(public), body=f"Bench comment {made['comments']} {rng.random()}")
            made["comments"] += 1
        except Exception as exc:
            made["refused"] += 1
            made["last_refusal"] = repr(exc)[:200]
        next_comment += 1 / comments_per_s
    if now >= next_publish and articles:
        page = rng.choice(articles)
        page = ArticlePage.objects.get(pk=page.pk)
        page.save_revision().publish()
        made["publishes"] += 1
        next_publish += 1 / publishes_per_s
    time.sleep(max(0.0, min(next_comment, next_publish, deadline) - time.time()))
print("DRIVER=" + json.dumps(made))
"""


def page_set(base):
    from bench import lib

    links = re.findall(
        r"<link>https?://[^/<]+(/[^<]+)</link>", lib.fetch(base + "/feeds/rss/?limit=40").decode()
    )
    articles = [link for link in links if link.count("/") >= 3][:20]
    home = lib.fetch(base + "/").decode()
    nav = re.findall(r'<nav class="sections-nav".*?</nav>', home, re.S)
    sections = re.findall(r'href="(/[^"]+/)"', nav[0]) if nav else []
    return ["/", *sections[:6], *articles]


def reader(host, port, paths, deadline, counts, lock, seed):
    rng = random.Random(seed)
    order = paths[:]
    rng.shuffle(order)
    mine = {"HIT": 0, "MISS": 0, "other": 0, "errors": 0}
    conn = http.client.HTTPConnection(host, port, timeout=30)
    i = 0
    while time.monotonic() < deadline:
        path = order[i % len(order)]
        i += 1
        try:
            conn.request("GET", path, headers={"Accept-Language": "en"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                mine["errors"] += 1
            state = response.getheader("X-Cache") or "other"
            mine[state if state in mine else "other"] += 1
        except (OSError, http.client.HTTPException):
            mine["errors"] += 1
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.close()
    with lock:
        for k, v in mine.items():
            counts[k] = counts.get(k, 0) + v


def measure(args, var_dir, root, label):
    from bench import lib

    with lib.serve("postgres", var_dir, workers=args.workers, threads=1, root=root) as (base, _server):
        paths = page_set(base)
        env = lib.site_env(
            "postgres",
            var_dir,
            BENCH_PATHS=json.dumps(paths),
            BENCH_COMMENTS=str(args.comments_per_s),
            BENCH_PUBLISHES=str(args.publishes_per_min),
            BENCH_DURATION=str(args.duration),
            PYTHONPATH=str(root),
        )
        driver = subprocess.Popen(
            [lib.PY, str(Path(root) / "manage.py"), "shell", "-c", DRIVER],
            cwd=root,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        while driver.stdout.readline().strip() != "READY":
            if driver.poll() is not None:
                raise RuntimeError("the comment/publish driver did not start")
        time.sleep(1.5)  # the driver's settings change has reached every process
        for path in paths:  # warm: every page once
            lib.fetch(base + path, headers={"Accept-Language": "en"})
        driver.stdin.write("go\n")
        driver.stdin.flush()
        host, port = base.removeprefix("http://").split(":")
        counts, lock = {}, threading.Lock()
        started = time.monotonic()
        deadline = started + args.duration
        threads = [
            threading.Thread(target=reader, args=(host, int(port), paths, deadline, counts, lock, n))
            for n in range(args.readers)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        out, _ = driver.communicate(timeout=120)
    made = json.loads(re.search(r"DRIVER=(.*)", out).group(1))
    total = sum(counts.get(k, 0) for k in ("HIT", "MISS", "other"))
    stored = counts.get("HIT", 0) + counts.get("MISS", 0)
    result = {
        "label": label,
        "root": str(root),
        "pages": len(paths),
        "requests": total,
        "rps": round(total / elapsed, 1),
        "hit_rate": round(counts.get("HIT", 0) / stored, 4) if stored else None,
        **counts,
        **{f"driver_{k}": v for k, v in made.items()},
    }
    print(json.dumps(result), flush=True)
    return result


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--readers", type=int, default=16, help="anonymous reader threads")
    parser.add_argument("--comments-per-s", type=float, default=1.0)
    parser.add_argument("--publishes-per-min", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--before", help="a checkout of the baseline to measure first, in the same run")
    parser.add_argument("--fresh", action="store_true", help="rebuild the benchmark site first")
    args = parser.parse_args()
    from bench import lib

    var_dir = lib.prepare_site("postgres", fresh=args.fresh)
    results = []
    if args.before:
        results.append(measure(args, var_dir, Path(args.before).resolve(), "before"))
    results.append(measure(args, var_dir, ROOT, "this checkout"))
    print(
        f"\n{'code':16} {'req/s':>8} {'hit rate':>9} {'HIT':>7} {'MISS':>7} {'other':>6} {'comments':>9} {'publishes':>9}"
    )
    for r in results:
        print(
            f"{r['label']:16} {r['rps']:8.1f} {r['hit_rate'] or 0:9.3f} {r.get('HIT', 0):7} {r.get('MISS', 0):7}"
            f" {r.get('other', 0):6} {r['driver_comments']:9} {r['driver_publishes']:9}"
        )
    lib.save({"args": vars(args), "results": results}, "cache_hitrate")


if __name__ == "__main__":
    main()
