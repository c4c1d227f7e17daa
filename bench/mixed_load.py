#!/usr/bin/env python
"""Sustained mixed load: anonymous readers and paying members at once (issue 21).

    python bench/mixed_load.py                          # PostgreSQL + Redis, 65 connections, 60 s
    python bench/mixed_load.py --threads 1 --duration 30 --redis-port 20211

The production set-up: granian (`--workers 2`, `--blocking-threads` as given), PostgreSQL, a
Redis of this script's own (started on `--redis-port` or a free port, without persistence).
wrk runs 5 threads × 13 connections; one thread in five is paying members (20 % of the
connections, five members' sessions in turn) reading premium articles in full and the home page;
the others are anonymous readers rotating through the home page, two sections, articles (public
and premium previews) and a search. Reports requests/s, p50/p99 over all requests, and errors
(non-2xx/3xx answers and socket errors). Target: 0 errors, p99 < 250 ms.
"""

import argparse
import json
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEMBERS_SCRIPT = """
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from masthead.access.services import grant_create
User = get_user_model()
for i in range(5):
    user, created = User.objects.get_or_create(
        username=f"bench-mixed-{i}", defaults={"email": f"bench-mixed-{i}@example.com"}
    )
    if created:
        grant_create(user=user, level="premium", source="complimentary", reason="benchmark")
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    print("SESSION=" + store.session_key)
"""

MIXED_LUA = """
anonymous = {%(anonymous)s}
member_paths = {%(members)s}
cookies = {%(cookies)s}
threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("member", #threads %% 5 == 1)
end
function init(args)
  counter = 0
end
function request()
  counter = counter + 1
  if member then
    local path = member_paths[(counter %% #member_paths) + 1]
    return wrk.format("GET", path, {Cookie = "sessionid=" .. cookies[(counter %% #cookies) + 1]})
  end
  return wrk.format("GET", anonymous[(counter %% #anonymous) + 1])
end
"""


def start_redis(port):
    from bench.lib import free_port

    port = port or free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no", "--maxmemory", "256mb"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    return port, process


def member_sessions(var_dir):
    from bench import lib

    out = subprocess.run(
        [lib.PY, str(ROOT / "manage.py"), "shell", "-c", MEMBERS_SCRIPT],
        cwd=ROOT,
        env=lib.site_env("postgres", var_dir),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return re.findall(r"SESSION=(\w+)", out)


def pages(base):
    from bench import lib
    from bench.run import find_articles, section_path

    links = re.findall(
        r"<link>https?://[^/<]+(/[^<]+)</link>", lib.fetch(base + "/feeds/rss/?limit=40").decode()
    )
    articles = [link for link in links if link.count("/") >= 3][:12]
    _public, premium = find_articles(base)
    sections = re.findall(r'<nav class="sections-nav".*?</nav>', lib.fetch(base + "/").decode(), re.S)[0]
    section_links = re.findall(r'href="(/[^"]+/)"', sections)[:2] or [section_path(base)]
    anonymous = ["/", *section_links, *articles, "/search/?q=china"]
    premium_articles = [premium] + [a for a in articles if a != premium][:3]
    return anonymous, premium_articles + ["/"]


def run(args):
    from bench import lib

    var_dir = lib.prepare_site("postgres", fresh=args.fresh)
    cookies = member_sessions(var_dir)
    with lib.serve("postgres", var_dir, workers=args.workers, threads=args.threads) as (base, _server):
        anonymous, member_paths = pages(base)
        full = lib.fetch(base + member_paths[0], headers={"Cookie": f"sessionid={cookies[0]}"}).decode()
        assert "paywalled-content" in full, "the member sessions do not give full access"
        script = Path(tempfile.mkstemp(prefix="bench-mixed-", suffix=".lua")[1])
        script.write_text(
            MIXED_LUA
            % {
                "anonymous": ", ".join(json.dumps(p) for p in anonymous),
                "members": ", ".join(json.dumps(p) for p in member_paths),
                "cookies": ", ".join(json.dumps(c) for c in cookies),
            }
        )
        lib.wrk(base + "/", connections=args.connections, duration=3, threads=5, script=script)  # warm up
        if args.split:
            return split_run(args, base, anonymous, member_paths, cookies)
        cmd = ["wrk", "-t5", f"-c{args.connections}", f"-d{args.duration}s", "--latency", "--timeout", "30s"]
        out = subprocess.run(cmd + ["-s", str(script), base + "/"], capture_output=True, text=True).stdout
    print(out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    pct = {int(p): float(v) * lib.UNITS[u] for p, v, u in lib.PERCENTILE.findall(out)}
    result = {
        "connections": args.connections,
        "duration_s": args.duration,
        "workers": args.workers,
        "blocking_threads": args.threads,
        "rps": float(lib.WRK_LINE.search(out).group(1)),
        "p50_ms": pct.get(50),
        "p99_ms": pct.get(99),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
    }
    print(json.dumps(result, indent=2))
    return result


def split_run(args, base, anonymous, member_paths, cookies):
    """The same mix as two wrk processes at once (anonymous: 4/5 of the connections; members:
    1/5), so each class gets its own latency figures. Diagnosis only: the target is the combined run."""
    from bench import lib

    members = max(1, args.connections // 5)
    results = {}

    def load(name, paths, connections, headers):
        script = lib.rotate_script(paths)
        results[name] = lib.wrk(
            base + "/",
            connections=connections,
            duration=args.duration,
            threads=1,
            headers=headers,
            script=script,
        )

    runs = [
        threading.Thread(target=load, args=("anonymous", anonymous, args.connections - members, ())),
        threading.Thread(
            target=load, args=("paying members", member_paths, members, (f"Cookie: sessionid={cookies[0]}",))
        ),
    ]
    for run_ in runs:
        run_.start()
    for run_ in runs:
        run_.join()
    print(json.dumps(results, indent=2))
    return results


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=65, help="a multiple of 5 (wrk's 5 threads)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="granian --blocking-threads")
    parser.add_argument("--redis-port", type=int, default=0, help="for this script's own redis-server")
    parser.add_argument("--fresh", action="store_true", help="rebuild the benchmark site first")
    parser.add_argument("--split", action="store_true", help="anonymous and member figures apart")
    args = parser.parse_args()
    from bench import lib

    port, redis = start_redis(args.redis_port)
    lib.REDIS_URL = f"redis://127.0.0.1:{port}/0"
    try:
        run(args)
    finally:
        redis.send_signal(signal.SIGTERM)
        redis.wait()


if __name__ == "__main__":
    main()
