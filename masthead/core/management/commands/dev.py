"""Serve the site for development with a task worker beside it (what `make run` ends with)."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the development server on 127.0.0.1:8000 and a background task worker."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--noreload", action="store_true")

    def handle(self, *args, addrport, noreload=False, **options):
        worker = None
        # runserver's autoreloader re-runs this command in a child process (RUN_MAIN=true); only
        # the outer process starts the worker, so there is exactly one.
        if os.environ.get("RUN_MAIN") != "true":
            worker = subprocess.Popen([sys.executable, "manage.py", "worker"], cwd=settings.BASE_DIR)
            self.banner(addrport)
        try:
            call_command("runserver", addrport, use_reloader=not noreload)
        finally:
            if worker:
                worker.terminate()
                try:
                    worker.wait(10)
                except subprocess.TimeoutExpired:
                    worker.kill()

    def banner(self, addrport):
        password_file = settings.VAR_DIR / "demo-staff-password"
        password = os.environ.get("DEMO_STAFF_PASSWORD") or (
            password_file.read_text().strip() if password_file.exists() else "(run `manage.py load_demo`)"
        )
        url = f"http://{addrport}"
        lines = [
            "",
            f"  Masthead is running at {url}/",
            f"  Admin:        {url}/admin/   user: admin   password: {password}",
            "                (also: editor / writer, same password — the two-step review workflow)",
            f"  Dev mailbox:  {url}/dev/mailbox/   (sign in as staff first)"
            if settings.DEV_MAILBOX_ENABLED
            else "",
            "  A background task worker is running beside the server. Ctrl-C stops both.",
            "",
        ]
        self.stdout.write(self.style.SUCCESS("\n".join(line for line in lines if line is not None)))
