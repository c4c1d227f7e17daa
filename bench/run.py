#!/usr/bin/env python
"""Serve the demo newsroom the production way and measure it with wrk.

    python bench/run.py                    # SQLite and PostgreSQL(+Redis), 32 connections, 10 s each
    python bench/run.py --db sqlite --duration 5
    python bench/run.py --fresh            # rebuild the benchmark sites first

Each database gets its own production-configured copy of the demo (bench/.var-<db>/): DEBUG off,
gunicorn with 2 sync workers, persistent database connections. Pages are measured uncached.
Baselines measured in the same run: /healthz (a trivial view on the same server: the framework's
floor) and nginx serving a static file the size of the article page (the machine's ceiling).
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import lib  # noqa: E402

PAGES = {
    "home": "/",
    "section": "/ai/",
    "article (public)": None,  # found at run time
}


def article_paths(base):
    """A public article's path, from the site's own RSS feed (no database access from here)."""
    import re

    feed = lib.fetch(base + "/feeds/rss/?limit=100").decode()
    links = re.findall(r"<link>https?://[^/<]+(/[^<]+)</link>", feed)
    return [link for link in links if link.count("/") >= 3]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="sqlite,postgres")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()

    results = {}
    for db in args.db.split(","):
        var_dir = lib.prepare_site(db, fresh=args.fresh)
        with lib.serve(db, var_dir, workers=args.workers) as (base, _):
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
            member = lib.member_session_cookie(db, var_dir)
            full = lib.fetch(base + premium, headers=dict([member.split(": ", 1)])).decode()
            assert "paywalled-content" in full, "the member session did not give full access"
            pages = {
                "healthz (floor)": ("/healthz", ()),
                "home": ("/", ()),
                "section": ("/ai/", ()),
                "article (public)": (public, ()),
                "premium article, anonymous (preview)": (premium, ()),
                "premium article, paying member": (premium, (member,)),
            }
            rows = {}
            size = len(lib.fetch(base + public))
            for name, (path, headers) in pages.items():
                lib.wrk(base + path, connections=args.connections, duration=2, headers=headers)  # warm up
                rows[name] = lib.wrk(
                    base + path, connections=args.connections, duration=args.duration, headers=headers
                )
                print(
                    f"  {db:8} {name:38} {rows[name]['rps']:8.1f} req/s  p99 {rows[name]['p99_ms']:.1f} ms",
                    flush=True,
                )
        with lib.nginx_static(size) as static_url:
            if static_url:
                rows["nginx static file (ceiling)"] = lib.wrk(
                    static_url, connections=args.connections, duration=args.duration
                )
        results[db] = rows

    print()
    for db, rows in results.items():
        print(f"== {db} (gunicorn, {args.workers} workers, {args.connections} connections, uncached)")
        lib.print_table(rows, baseline_key="healthz (floor)", ceiling_key="nginx static file (ceiling)")
        print()
    print("saved", lib.save(results, "pages"))


if __name__ == "__main__":
    main()
