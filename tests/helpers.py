"""Helpers for tests that start real processes against the test database."""

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import redis
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url():
    """The URL of the database this test process is using (the test database, not the dev one)."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "") + "@" if s.get("USER") else ""
    return f"postgres://{auth}{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


def process_env(**extra):
    """Environment for a child process that shares this test's database, cache and media."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DJANGO_SETTINGS")) and key != "MASTHEAD_ENV"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="masthead.settings",
        MASTHEAD_ENV="development",
        DEBUG="0",
        DATABASE_URL=database_url(),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        SECRET_KEY=settings.SECRET_KEY,
    )
    for name in ("REDIS_URL", "REDIS_QUEUE_URL"):
        if getattr(settings, name):
            env[name] = getattr(settings, name)
        else:
            env.pop(name, None)
    env.update(extra)
    return env


def start_manage(*args, **env):
    """A manage.py command in its own process group: `stop` and `kill_group` reach the processes
    it forks too (RQ runs each job in a forked "work horse", which outlives a killed parent)."""
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=process_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def kill_group(process, sig=signal.SIGKILL):
    """Signal the process and everything it forked (a crash of the whole worker)."""
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass


def descendants(pid):
    """Every living process below `pid` (children, grandchildren…), whatever their process group."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # "pid (comm) state ppid …": comm may hold spaces, so split after its closing paren.
            fields = stat.rsplit(")", 1)[1].split()
            if fields[0] != "Z":
                parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def process_connected_to(port, among):
    """The pid in `among` holding an established TCP connection to 127.0.0.1:`port`, or None.

    Finds the process that actually talks to a server (e.g. RQ's work horse sending mail, which RQ
    forks into a process group of its own) from /proc/net/tcp and each process's socket fds."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        remote, state, inode = fields[2], fields[3], fields[9]
        if state == "01" and int(remote.split(":")[1], 16) == port:
            inodes.add(f"socket:[{inode}]")
    for pid in among:
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(fd) in inodes:
                    return pid
            except OSError:
                continue
    return None


def wait_for(predicate, timeout=30.0, interval=0.2, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")


def stop(process, timeout=10):
    """Stop the process, then make sure nothing it forked is left behind (holding the test DB)."""
    kill_group(process, signal.SIGTERM)
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        out, _ = process.communicate()
    kill_group(process)  # forked children that ignored SIGTERM or were orphaned by a crash
    return out


def free_port():
    """A TCP port nothing listens on now (the OS picks it), for a server a test starts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    """redis-server on its own port, without persistence: a restart comes back empty."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        wait_for(lambda: self._pings(client), timeout=10, message="redis-server")

    @staticmethod
    def _pings(client):
        try:
            return client.ping()
        except redis.ConnectionError:
            return False

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    @contextmanager
    def paused(self):
        os.kill(self.process.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.kill(self.process.pid, signal.SIGCONT)

    def stop(self):
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)
            self.process.kill()
            self.process.wait()
