#!/usr/bin/env python
"""Paying readers at cache speed (issue 15): members' pages beside the anonymous cached page.

    python bench/members.py                        # this checkout, PostgreSQL + Redis
    python bench/members.py --before /path/to/main # also a baseline checkout, same run, same site
    python bench/members.py --per-request-baseline # also this code with entitlements off

The production set-up of bench/run.py (granian, 2 workers, one blocking thread each, PostgreSQL
and Redis, wrk with 32 connections), the page cache on. For each checkout, in the same run:

  premium article, anonymous     the preview from the page cache (the ceiling to compare with)
  premium article, paying member the full text (checked in the response before measuring)
  home, signed-in member

The member sends what a browser would after its first page: the session cookie and the
entitlement cookie the site issued (core.entitlement; a checkout without entitlements issues
none, and the member is rendered per request). Ratios are against the anonymous article in the
same checkout and run. With --memory, worker RSS after 10,000 mixed requests (run.py's mix).
"""

import argparse
import os
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import lib  # noqa: E402
from bench.run import find_articles  # noqa: E402


def issued_cookies(base, path, session_header):
    """The session cookie plus whatever the site sets for a signed-in member (the entitlement)."""
    cookie = session_header.split(": ", 1)[1]
    request = urllib.request.Request(base + path, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=10) as response:
        for header in response.headers.get_all("Set-Cookie") or []:
            name_value = header.split(";", 1)[0]
            if name_value.startswith("mh_ent="):
                cookie += "; " + name_value
    return "Cookie: " + cookie


def measure(label, base, member, args):
    _public, premium = find_articles(base)
    member = issued_cookies(base, premium, member)
    full = lib.fetch(base + premium, headers=dict([member.split(": ", 1)])).decode()
    assert "paywalled-content" in full, "the member's response must carry the full text"
    pages = {
        "premium article, anonymous (cached)": (premium, ()),
        "premium article, paying member": (premium, (member,)),
        "home, signed-in member": ("/", (member,)),
    }
    rows = {}
    for name, (path, headers) in pages.items():
        lib.wrk(base + path, connections=args.connections, duration=2, headers=headers)  # warm up
        row = lib.wrk(base + path, connections=args.connections, duration=args.duration, headers=headers)
        request = urllib.request.Request(base + path, headers=dict(h.split(": ", 1) for h in headers))
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read().decode()
            row["x_cache"] = response.headers.get("X-Cache")
        row["full_text"] = "paywalled-content" in body if path == premium else None
        rows[name] = row
        print(
            f"    [{label}] {name:38} {row['rps']:9.1f} req/s  p99 {row['p99_ms']:7.1f} ms  "
            f"X-Cache {row['x_cache']}, full text {row['full_text']}",
            flush=True,
        )
    return rows


def memory(base, process, member, target):
    public, premium = find_articles(base)
    member = issued_cookies(base, premium, member)
    anonymous = lib.rotate_script(["/", public, premium, "/search/?q=china"])
    members = lib.rotate_script([premium, "/", public, "/search/?q=china"])
    done = 0
    while done < target:
        done += lib.wrk(base + "/", connections=8, duration=3, script=anonymous)["requests"]
        done += lib.wrk(base + "/", connections=8, duration=3, script=members, headers=(member,))["requests"]
    return done, lib.worker_memory_mb(process.pid)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", help="a checkout of the baseline (e.g. main) to measure in the same run")
    parser.add_argument(
        "--per-request-baseline",
        action="store_true",
        help="also this checkout with entitlements off (members rendered per request), same run",
    )
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory", action="store_true", help="worker RSS after 10,000 mixed requests")
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()

    var_dir = lib.prepare_site("postgres", fresh=args.fresh)
    member = lib.member_session_cookie("postgres", var_dir)
    trees = [("before", Path(args.before).resolve(), {})] if args.before else []
    if args.per_request_baseline:
        # This code with entitlements off (each issued already expired): every signed-in page is
        # rendered per request, as before issue 15 — for sites an older checkout cannot serve.
        trees.append(("per request", lib.ROOT, {"ENTITLEMENT_SECONDS": "0"}))
    trees.append(("after", lib.ROOT, {}))
    results = {}
    for label, root, env in trees:
        # The baseline's code is served from its own checkout; the site, database and Redis
        # are shared.
        import redis

        redis.Redis.from_url(lib.redis_url(var_dir)).flushdb()  # no pages kept from the other code
        with lib.serve("postgres", var_dir, workers=args.workers, root=root, **env) as (base, process):
            results[label] = measure(label, base, member, args)
            if args.memory:
                done, after = memory(base, process, member, 10_000)
                results[label]["memory"] = {"requests": done, "after_mb": after}
                print(
                    f"    [{label}] after {done:,} mixed requests: {', '.join(f'{m:.0f} MB' for m in after)}"
                )
    for label, rows in results.items():
        anon = rows["premium article, anonymous (cached)"]["rps"]
        print(
            f"== {label}: granian {args.workers} workers, PostgreSQL + Redis, {args.connections} connections"
        )
        print(f"{'what':40} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'× anonymous':>12}")
        for name, row in rows.items():
            if name == "memory":
                continue
            print(
                f"{name:40} {row['rps']:9.1f} {row['p50_ms'] or 0:8.1f} {row['p99_ms'] or 0:8.1f} "
                f"{row['rps'] / anon:12.3f}" + ("  (non-2xx!)" if row.get("non2xx") else "")
            )
    print("saved", lib.save(results, "members"))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
