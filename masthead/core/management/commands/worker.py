"""Run the background task worker, with the periodic-job scheduler.

Uses the configured django_tasks backend: the database worker (django-tasks-db) in the embedded
set-up, an RQ worker when REDIS_QUEUE_URL (or REDIS_URL) is set. `make run` starts one for you.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from masthead.core.scheduler import SchedulerThread


class Command(BaseCommand):
    help = "Run the background task worker and the periodic scheduler."

    def add_arguments(self, parser):
        parser.add_argument("--no-scheduler", action="store_true", help="Do not run periodic jobs here.")
        parser.add_argument(
            "--queue", action="append", dest="queues", help="Queue to work (default: default)."
        )
        parser.add_argument("--max-tasks", type=int, default=None, help="Exit after this many tasks (tests).")
        parser.add_argument(
            "--interval", type=float, default=0.5, help="Seconds between polls (database backend)."
        )

    def handle(self, *args, no_scheduler=False, queues=None, max_tasks=None, interval=0.5, **options):
        scheduler = None
        if not no_scheduler:
            scheduler = SchedulerThread()
            scheduler.start()
        backend = settings.TASKS["default"]["BACKEND"]
        queues = queues or ["default"]
        try:
            if backend.startswith("django_tasks_rq"):
                # django-tasks-rq jobs need its Job class to call django_tasks Task objects; our
                # Worker class stops without a minute's hang on a warm shutdown (its docstring).
                kwargs = {
                    "with_scheduler": True,
                    "job_class": "django_tasks_rq.backend.Job",
                    "worker_class": "masthead.core.rq_worker.Worker",
                }
                if max_tasks:
                    kwargs["max_jobs"] = max_tasks
                call_command("rqworker", *queues, **kwargs)
            elif backend.startswith("django_tasks_db"):
                argv = [
                    "--queue-name",
                    ",".join(queues),
                    "--interval",
                    str(interval),
                    "--no-startup-delay",
                    "--no-reload",
                ]
                if max_tasks:
                    argv += ["--max-tasks", str(max_tasks)]
                call_command("db_worker", *argv)
            else:
                self.stderr.write(f"The {backend} task backend runs tasks in-process; no worker is needed.")
        finally:
            if scheduler:
                scheduler.stop()
