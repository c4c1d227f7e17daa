#!/usr/bin/env python
"""Faults under load on the production set-up (issue 21): what readers see while things break.

    python bench/faults.py                       # both scenarios, PostgreSQL + Redis
    python bench/faults.py --only redis --redis-port 20212 --smtp-port 20213

granian (2 workers, the documented flags), PostgreSQL, and a Redis and a "mail server" of this
script's own (never a shared one):

- **redis**: wrk loads anonymous pages (home, sections, articles) for 24 s; at 6 s Redis is
  SIGKILLed, at 14 s it is started again, empty (no persistence). Reports requests, 5xx/other
  non-2xx answers and socket errors for the whole run, and whether a paying member's session
  made before the outage still reads premium articles in full afterwards.
- **smtp**: the site's mail server accepts connections and never answers. While wrk loads the
  same pages, 8 newsletter sign-ups and 8 sign-in code requests are posted; reports the page
  latency (p50/p99) beside a run without them, and how long each sign-up took to answer.
"""

import argparse
import json
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import lib  # noqa: E402
from bench.mixed_load import member_sessions, pages  # noqa: E402


class OwnRedis:
    def __init__(self, port):
        self.port = port or lib.free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.5)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait()


class HungSmtp:
    """Accepts connections, never says a word."""

    def __init__(self, port):
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", port or 0))
        self.server.listen(256)
        self.port = self.server.getsockname()[1]
        self.held, self.stopping = [], threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        self.server.settimeout(0.2)
        while not self.stopping.is_set():
            try:
                self.held.append(self.server.accept()[0])
            except OSError:
                continue

    def close(self):
        self.stopping.set()
        for conn in self.held:
            conn.close()
        self.server.close()


def wrk_script(paths):
    return lib.rotate_script(paths)


def wrk_run(base, script, duration, connections):
    cmd = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "30s",
        "-s",
        str(script),
    ]
    out = subprocess.run(cmd + [base + "/"], capture_output=True, text=True).stdout
    pct = {int(p): float(v) * lib.UNITS[u] for p, v, u in lib.PERCENTILE.findall(out)}
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    total = re.search(r"(\d+) requests in", out)
    return {
        "requests": int(total.group(1)) if total else 0,
        "rps": float(lib.WRK_LINE.search(out).group(1)),
        "p50_ms": pct.get(50),
        "p99_ms": pct.get(99),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
    }


def reads_in_full(base, path, cookie):
    html = lib.fetch(base + path, headers={"Cookie": f"sessionid={cookie}"}).decode()
    return "paywalled-content" in html


def scenario_redis(args, var_dir, redis):
    cookies = member_sessions(var_dir)
    with lib.serve("postgres", var_dir, workers=2) as (base, _server):
        anonymous, member_paths = pages(base)
        assert reads_in_full(base, member_paths[0], cookies[0])
        script = wrk_script(anonymous)
        wrk_run(base, script, 3, args.connections)  # warm the page cache
        timeline = []

        def faults():
            time.sleep(6)
            redis.kill()
            timeline.append(("killed", time.monotonic()))
            time.sleep(8)
            redis.start()
            timeline.append(("restarted empty", time.monotonic()))

        probes, started = [], time.monotonic()

        def probe():
            # One more reader, timing each page: when in the run do requests slow down?
            while time.monotonic() - started < 24:
                t0 = time.monotonic()
                try:
                    lib.fetch(base + anonymous[len(probes) % len(anonymous)])
                    ok = True
                except OSError:
                    ok = False
                probes.append((round(t0 - started, 1), round((time.monotonic() - t0) * 1000), ok))
                time.sleep(0.05)

        thread = threading.Thread(target=faults)
        prober = threading.Thread(target=probe)
        thread.start()
        prober.start()
        result = wrk_run(base, script, 24, args.connections)
        thread.join()
        prober.join()
        result["events_s"] = {name: round(at - started, 1) for name, at in timeline}
        result["slowest_probes_ms"] = sorted(probes, key=lambda p: -p[1])[:8]
        result["probe_failures"] = sum(1 for p in probes if not p[2])
        time.sleep(6)  # past the breaker's reset
        result["member_reads_in_full_after_restart"] = all(
            reads_in_full(base, member_paths[0], cookie) for cookie in cookies
        )
    return result


def scenario_smtp(args, var_dir, smtp):
    with lib.serve("postgres", var_dir, workers=2, EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}") as (
        base,
        _server,
    ):
        anonymous, _members = pages(base)
        script = wrk_script(anonymous)
        wrk_run(base, script, 3, args.connections)
        quiet = wrk_run(base, script, 12, args.connections)
        answers = []

        def post(path, data, *, csrf):
            """POST as a browser would, with the form's CSRF token and cookie when it has one (set
            by hand: the production cookie is Secure, which urllib will not send over http)."""
            headers = {}
            if csrf:
                with urllib.request.urlopen(base + path, timeout=60) as response:
                    form = response.read().decode()
                    cookies = response.headers.get_all("Set-Cookie") or []
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
                cookie = next(c.split(";")[0] for c in cookies if c.startswith("csrftoken="))
                data, headers = {**data, "csrfmiddlewaretoken": token}, {"Cookie": cookie}
            request = urllib.request.Request(
                base + path, data=urllib.parse.urlencode(data).encode(), headers=headers
            )
            started = time.monotonic()
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError as error:
                status = str(error)
            return path, status, round(time.monotonic() - started, 3)

        letter = re.search(
            r'name="newsletter" value="(\d+)"', lib.fetch(base + "/newsletters/signup/").decode()
        )

        def sign_ups():
            time.sleep(2)
            for i in range(8):
                answers.append(
                    post(
                        "/newsletters/signup/",
                        {"email": f"hung-{i}@example.com", "newsletter": letter.group(1)},
                        csrf=False,
                    )
                )
                answers.append(post("/accounts/login/code/", {"email": f"hung-{i}@example.com"}, csrf=True))

        thread = threading.Thread(target=sign_ups)
        thread.start()
        loaded = wrk_run(base, script, 12, args.connections)
        thread.join()
    return {"pages_without_mail": quiet, "pages_while_mail_hangs": loaded, "mail_requests": answers}


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", default="redis,smtp")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--redis-port", type=int, default=0)
    parser.add_argument("--smtp-port", type=int, default=0)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    redis = OwnRedis(args.redis_port)
    redis.start()
    lib.REDIS_URL = redis.url
    smtp = HungSmtp(args.smtp_port)
    results = {}
    try:
        var_dir = lib.prepare_site("postgres", fresh=args.fresh)
        if "redis" in args.only:
            results["redis"] = scenario_redis(args, var_dir, redis)
            print(json.dumps(results["redis"], indent=2), flush=True)
        if "smtp" in args.only:
            results["smtp"] = scenario_smtp(args, var_dir, smtp)
            print(json.dumps(results["smtp"], indent=2), flush=True)
    finally:
        redis.stop()
        smtp.close()
    path = Path(tempfile.gettempdir()) / "masthead-bench-faults.json"
    path.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
