"""Shared machinery for the benchmarks: prepare a site, serve it the production way, load it.

Every figure is measured on this machine in this run; ratios against baselines measured in the
same run (a trivial view on the same server, and nginx serving a static file of the same size)
are what to compare across machines.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/masthead_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")


def free_port():
    """A free port; within BENCH_PORTS ("8500-8599") when set, so runs sharing a machine keep apart."""
    low, _, high = os.environ.get("BENCH_PORTS", "").partition("-")
    candidates = range(int(low), int(high) + 1) if low and high else [0]
    for port in candidates:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError("no free port in BENCH_PORTS")


def site_env(db, var_dir, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        MASTHEAD_ENV="production",
        MASTHEAD_VAR_DIR=str(var_dir),
        SECRET_KEY="bench-" + "k" * 60,
        SITE_URL="http://127.0.0.1",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        EMAIL_URL="smtp://127.0.0.1:2525",
        STATIC_ROOT=str(var_dir / "static"),
        MEDIA_ROOT=str(var_dir / "media"),
        SECURE_SSL_REDIRECT="0",
        CONN_MAX_AGE="600",
        LOG_LEVEL="WARNING",
        DEMO_STAFF_PASSWORD="bench-staff-password",
        # Production without Stripe keys must choose the offline test mode explicitly (issue 12).
        PAYMENTS_TEST_MODE="1",
    )
    if db == "postgres":
        env.update(DATABASE_URL=postgres_url(var_dir), REDIS_URL=redis_url(var_dir))
    else:
        env.update(DATABASE_URL=f"sqlite:///{var_dir / 'bench.sqlite3'}")
        env.pop("REDIS_URL", None)
    env.update(extra)
    return env


def manage(env, *args, quiet=True):
    subprocess.run(
        [PY, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def postgres_url(var_dir):
    """Each benchmark site (normal, large) has its own PostgreSQL database.

    BENCH_LARGE_POSTGRES_URL names the large archive's database outright (default: the normal
    one's name + "_large"), so a shared machine can keep one large archive per user.
    """
    if str(var_dir).endswith("-large"):
        return os.environ.get("BENCH_LARGE_POSTGRES_URL") or POSTGRES_URL + "_large"
    return POSTGRES_URL


def redis_url(var_dir):
    """The large site's Redis database: BENCH_LARGE_REDIS_URL, else db 10 of the normal one's server."""
    if str(var_dir).endswith("-large"):
        return os.environ.get("BENCH_LARGE_REDIS_URL") or REDIS_URL[: REDIS_URL.rindex("/")] + "/10"
    return REDIS_URL


def reset_postgres(var_dir):
    import psycopg

    url = postgres_url(var_dir)
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    import redis

    redis.Redis.from_url(redis_url(var_dir)).flushdb()


def prepare_site(db, *, fresh=False, suffix=""):
    """A production-configured copy of the demo newsroom in bench/.var-<db><suffix>/ (kept between runs)."""
    var_dir = ROOT / "bench" / f".var-{db}{suffix}"
    stamp = var_dir / "ready"
    if fresh or not stamp.exists():
        shutil.rmtree(var_dir, ignore_errors=True)
        var_dir.mkdir(parents=True)
        if db == "postgres":
            reset_postgres(var_dir)
        env = site_env(db, var_dir)
        print(f"  preparing the {db} site (migrate, demo, collectstatic) …", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo", "--force")
        manage(env, "collectstatic", "--noinput")
        stamp.write_text(time.strftime("%F %T"))
    else:
        manage(site_env(db, var_dir), "migrate", "--noinput")  # code may have moved on since
        manage(site_env(db, var_dir), "collectstatic", "--noinput")
    return var_dir


@contextmanager
def serve(db, var_dir, *, workers=2, threads=1, server="granian", root=None, **extra_env):
    """Serve the site; `root` is the checkout whose code runs (default: this one)."""
    port = free_port()
    root = Path(root or ROOT)
    env = site_env(db, var_dir, **extra_env)
    # As deployed (deploy/masthead-web.service): two malloc arenas per worker, not one per thread
    # granian's runtime starts; the environment may override it.
    env.setdefault("MALLOC_ARENA_MAX", "2")
    if server == "granian":
        cmd = [
            str(Path(PY).parent / "granian"),
            "--interface",
            "wsgi",
            "--workers",
            str(workers),
            "--blocking-threads",
            str(threads),
            "--respawn-failed-workers",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "masthead.wsgi:application",
        ]
    else:
        cmd = [
            str(Path(PY).parent / "gunicorn"),
            "masthead.wsgi",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--worker-tmp-dir",
            "/dev/shm",
        ]
    if root != ROOT:
        env["PYTHONPATH"] = str(root)  # ahead of this checkout's editable install
    process = subprocess.Popen(cmd, cwd=root, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"{server} did not start") from None
                time.sleep(0.3)
        yield base, process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(20)


WRK_LINE = re.compile(r"Requests/sec:\s+([\d.]+)")
PERCENTILE = re.compile(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, *, connections=32, duration=10, threads=2, headers=(), script=None):
    # A long timeout so slow pages show their real latency instead of being dropped at wrk's 2 s.
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "30s"]
    if script:
        cmd += ["-s", str(script)]
    for header in headers:
        cmd += ["-H", header]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    rps = float(WRK_LINE.search(out).group(1))
    pct = {int(p): float(v) * UNITS[u] for p, v, u in PERCENTILE.findall(out)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    total = re.search(r"(\d+) requests in", out)
    return {
        "requests": int(total.group(1)) if total else 0,
        "rps": rps,
        "p50_ms": pct.get(50),
        "p99_ms": pct.get(99),
        "non2xx": int(errors.group(1)) if errors else 0,
    }


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


@contextmanager
def nginx_static(size):
    """nginx serving one static file of `size` bytes: the ceiling for an HTTP response here."""
    if not shutil.which("nginx") and not os.path.exists("/usr/sbin/nginx"):
        yield None
        return
    tmp = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    (tmp / "page.html").write_bytes(b"x" * size)
    port = free_port()
    conf = tmp / "nginx.conf"
    conf.write_text(f"""
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
daemon off;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {tmp}; proxy_temp_path {tmp}; fastcgi_temp_path {tmp}; uwsgi_temp_path {tmp}; scgi_temp_path {tmp};
  server {{ listen 127.0.0.1:{port}; root {tmp}; location / {{ default_type text/html; }} }}
}}
""")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen([nginx, "-c", str(conf), "-p", str(tmp)], start_new_session=True)
    try:
        time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/page.html"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)


def print_table(rows, baseline_key=None, ceiling_key=None):
    header = f"{'what':44} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}"
    extra = ""
    if baseline_key:
        extra += f" {'× healthz':>10}"
    if ceiling_key:
        extra += f" {'÷ static':>9}"
    print(header + extra)
    print("-" * len(header + extra))
    for name, row in rows.items():
        line = f"{name:44} {row['rps']:9.1f} {row['p50_ms'] or 0:8.1f} {row['p99_ms'] or 0:8.1f}"
        if baseline_key and baseline_key in rows:
            line += f" {row['rps'] / rows[baseline_key]['rps']:10.3f}"
        if ceiling_key and ceiling_key in rows:
            line += f" {row['rps'] / rows[ceiling_key]['rps']:9.3f}"
        if row.get("non2xx") or row.get("timeouts"):
            line += f"  ({row['non2xx']} non-2xx, {row['timeouts']} timeouts!)"
        print(line)


def save(results, name):
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    path = out / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2))
    return path


MEMBER_SESSION_SCRIPT = """
from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from django.contrib.sessions.backends.base import SessionBase
from importlib import import_module
from django.conf import settings
from masthead.access.services import grant_create
User = get_user_model()
user, created = User.objects.get_or_create(username="bench-payer", defaults={"email": "bench-payer@example.com"})
if created:
    grant_create(user=user, level="premium", source="complimentary", reason="benchmark")
store = import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.create()
print("SESSION=" + store.session_key)
"""


def member_session_cookie(db, var_dir):
    """A signed-in paying member's session cookie for the benchmark site."""
    out = subprocess.run(
        [PY, str(ROOT / "manage.py"), "shell", "-c", MEMBER_SESSION_SCRIPT],
        cwd=ROOT,
        env=site_env(db, var_dir),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    key = re.search(r"SESSION=(\w+)", out).group(1)
    return f"Cookie: sessionid={key}"


@contextmanager
def nginx_proxy(upstream, var_dir):
    """nginx with the repository's own config (deploy/nginx-masthead.conf) in front of `upstream`."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        yield None
        return
    tmp = Path(tempfile.mkdtemp(prefix="bench-nginx-proxy-"))
    port = free_port()
    site = (ROOT / "deploy" / "nginx-masthead.conf").read_text()
    for name, value in {
        "CACHE_DIR": tmp / "cache",
        "UPSTREAM": upstream.removeprefix("http://"),
        "LISTEN": f"127.0.0.1:{port}",
        "SERVER_NAME": "127.0.0.1",
        "STATIC_ROOT": var_dir / "static",
        "MEDIA_ROOT": var_dir / "media",
    }.items():
        site = site.replace("{{" + name + "}}", str(value))
    (tmp / "nginx.conf").write_text(f"""
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
daemon off;
events {{ worker_connections 2048; }}
http {{
  access_log off;
  client_body_temp_path {tmp}; proxy_temp_path {tmp}; fastcgi_temp_path {tmp}; uwsgi_temp_path {tmp}; scgi_temp_path {tmp};
  include /etc/nginx/mime.types;
  {site}
}}
""")
    process = subprocess.Popen([nginx, "-c", str(tmp / "nginx.conf"), "-p", str(tmp)], start_new_session=True)
    try:
        time.sleep(0.5)
        if process.poll() is not None:
            raise RuntimeError("nginx did not start: " + (tmp / "error.log").read_text()[-500:])
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)


def worker_memory_mb(server_pid, field="VmRSS"):
    """Resident memory of each worker process under a server (its children), in MB.

    `VmRSS` (the default, what the issues' figures are) counts the shared libraries' pages each
    worker has mapped; `RssAnon` is the worker's own memory. The file-backed part varies with the
    kernel's page cache (right after an install, granian's library alone showed 12.6 MB instead of
    5.4 MB), so RssAnon is printed beside it."""
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(server_pid)], capture_output=True, text=True
    ).stdout
    sizes = []
    for pid in out.split():
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(rf"{field}:\s+(\d+) kB", status)
        if match:
            sizes.append(int(match.group(1)) / 1024)
    return sizes


ROTATE_LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def rotate_script(paths):
    """A wrk script that cycles through `paths` (so one run exercises several pages)."""
    path = Path(tempfile.mkstemp(prefix="bench-rotate-", suffix=".lua")[1])
    path.write_text(ROTATE_LUA % ", ".join(json.dumps(p) for p in paths))
    return path
