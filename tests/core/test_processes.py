"""The documented processes survive their own faults.

- The app server, started with exactly the command in deploy/masthead-web.service: one of its
  worker processes SIGKILLed (as the OOM killer would) is replaced, and the server answers
  throughout instead of shutting down.
- The systemd units in deploy/ are valid and restart what dies.
"""

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import ROOT, descendants, free_port, process_env, wait_for

pytestmark = pytest.mark.django_db
UNITS = ROOT / "deploy"
VENV_BIN = Path(sys.executable).parent


def unit_command(name, **values):
    """ExecStart of a unit in deploy/, for this checkout: its venv, its values for ${…}."""
    text = (UNITS / name).read_text()
    command = re.search(r"^ExecStart=(.+)$", text, re.M).group(1)
    command = command.replace("/srv/masthead/.venv/bin/", f"{VENV_BIN}/")
    for key, value in values.items():
        command = command.replace("${" + key + "}", str(value))
    return shlex.split(command)


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


@pytest.mark.slow
def test_the_documented_granian_command_replaces_a_killed_worker(demo):
    port = free_port()
    command = unit_command("masthead-web.service", MASTHEAD_WEB_WORKERS=2)
    command[command.index("--port") + 1] = str(port)
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=process_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: status(base + "/healthz") == 200, timeout=60, message="granian")
        wait_for(lambda: len(descendants(server.pid)) >= 2, timeout=20, message="two workers")
        before = set(descendants(server.pid))
        os.kill(min(before), signal.SIGKILL)
        # The server keeps answering (the other worker) while the dead one is replaced. A
        # connection the killed process had already accepted dies with it: requests in its hands
        # at the moment of the kill may fail, nothing after.
        killed_at, answers = time.monotonic(), []
        while time.monotonic() < killed_at + 10:
            answers.append((time.monotonic() - killed_at, status(base + "/healthz")))
            time.sleep(0.1)
        assert server.poll() is None, "granian shut down after losing a worker"
        after = [code for at, code in answers if at > 0.5]
        assert len(after) > 10 and set(after) == {200}, answers
        wait_for(
            lambda: len(set(descendants(server.pid)) - before) >= 1 and len(descendants(server.pid)) >= 2,
            timeout=20,
            message="a new worker",
        )
        assert status(base + "/") == 200
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs systemd-analyze")
def test_the_systemd_units_are_valid_and_restart_what_dies(tmp_path):
    for name in ("masthead-web.service", "masthead-worker.service"):
        text = (UNITS / name).read_text()
        assert re.search(r"^Restart=always$", text, re.M), name
        local = tmp_path / name
        local.write_text(text.replace("/srv/masthead/.venv/bin/", f"{VENV_BIN}/"))
        result = subprocess.run(
            ["systemd-analyze", "verify", "--man=no", str(local)], capture_output=True, text=True, timeout=60
        )
        problems = [
            line
            for line in (result.stdout + result.stderr).splitlines()
            if name in line and "/etc/masthead/env" not in line
        ]
        assert not problems, problems
    worker = (UNITS / "masthead-worker.service").read_text()
    # SIGTERM to the worker alone, so RQ's job process may finish its job (warm shutdown).
    assert re.search(r"^KillMode=mixed$", worker, re.M)
