#!/usr/bin/env python
"""Content API throughput beside the anonymous article page, in the same run (issue 18).

    python bench/api.py                      # SQLite and PostgreSQL+Redis
    python bench/api.py --db sqlite --duration 5

Serves the benchmark site the production way (bench/lib.py: granian, 2 workers, DEBUG off) with
the page cache on ("cached") and off ("uncached"), and measures with wrk at 32 connections:
/healthz (the floor), the anonymous public article page, and the Content API's
`posts/?limit=15&include=authors,tags` with a content key. The per-key rate limit is turned
off (API_CONTENT_RATE_LIMIT=0): one key from 32 connections is one front-end's whole audience.
PostgreSQL and Redis come from BENCH_POSTGRES_URL and BENCH_REDIS_URL (see bench/lib.py).
"""

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import lib  # noqa: E402
from bench.run import find_articles  # noqa: E402

API = "/ghost/api/content/posts/?limit=15&include=authors,tags&key={key}"


def content_key(db, var_dir):
    """A fresh content key on the benchmark site (printed once by the command)."""
    env = lib.site_env(db, var_dir)
    subprocess.run(
        [lib.PY, str(lib.ROOT / "manage.py"), "api_key", "revoke", "bench"],
        cwd=lib.ROOT, env=env, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        [lib.PY, str(lib.ROOT / "manage.py"), "shell", "-c",
         "from masthead.api.models import ApiKey; ApiKey.objects.filter(name='bench').delete()"],
        cwd=lib.ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    out = subprocess.run(
        [lib.PY, str(lib.ROOT / "manage.py"), "api_key", "create", "--name", "bench", "--content"],
        cwd=lib.ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return out.stdout.strip()


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="sqlite,postgres")
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()

    results = {}
    for db in args.db.split(","):
        var_dir = lib.prepare_site(db, fresh=args.fresh)
        key = content_key(db, var_dir)
        results[db] = {}
        for mode, enabled in (("cached", "1"), ("uncached", "0")):
            print(f"  {db}: page cache {'on' if enabled == '1' else 'off'}", flush=True)
            with lib.serve(
                db, var_dir, workers=args.workers, PAGE_CACHE_ENABLED=enabled, API_CONTENT_RATE_LIMIT="0"
            ) as (base, _):
                public, _premium = find_articles(base)
                rows = {}
                for name, path in (
                    ("healthz (floor)", "/healthz"),
                    ("article page, anonymous", public),
                    ("Content API posts?limit=15&include=authors,tags", API.format(key=key)),
                ):
                    lib.wrk(base + path, connections=args.connections, duration=2)  # warm up
                    row = lib.wrk(base + path, connections=args.connections, duration=args.duration)
                    rows[name] = row
                    print(
                        f"    {name:50} {row['rps']:9.1f} req/s  p50 {row['p50_ms']:6.1f} ms"
                        f"  p99 {row['p99_ms']:7.1f} ms  non-2xx {row['non2xx']}",
                        flush=True,
                    )
                results[db][mode] = rows
    print("saved", lib.save(results, "api"))


if __name__ == "__main__":
    main()
