"""Periodic jobs without cron.

Each task worker runs a small scheduler thread. Every few seconds (SCHEDULER_TICK_SECONDS) it looks
at settings.MASTHEAD_PERIODIC_JOBS ({task path: interval in seconds}) and, for each job whose
current slot has not been claimed, claims it by inserting a PeriodicSlot row and enqueues the task.
The unique (job, slot) constraint means that with several workers each slot is still enqueued once.
Jobs themselves must be safe to run twice (they work on recorded units), so a slot lost to a crash
is simply picked up by the next one.
"""

import logging
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import PeriodicSlot

logger = logging.getLogger(__name__)


def claim_due_jobs(*, now=None, jobs=None):
    """Enqueue every periodic job whose current slot nobody has claimed yet. Returns the claimed paths."""
    now = now or timezone.now()
    jobs = settings.MASTHEAD_PERIODIC_JOBS if jobs is None else jobs
    claimed = []
    for path, interval in jobs.items():
        slot = int(now.timestamp()) // int(interval)
        try:
            with transaction.atomic():
                PeriodicSlot.objects.create(job=path, slot=slot)
        except IntegrityError:
            continue
        import_string(path).enqueue()
        claimed.append(path)
    return claimed


def prune_slots(*, now=None, keep=timedelta(days=2)):
    now = now or timezone.now()
    PeriodicSlot.objects.filter(created_at__lt=now - keep).delete()


class SchedulerThread(threading.Thread):
    def __init__(self, tick=None):
        super().__init__(name="masthead-scheduler", daemon=True)
        self.tick = settings.MASTHEAD_SCHEDULER_TICK if tick is None else tick
        self.stopping = threading.Event()

    def run(self):
        last_prune = 0.0
        while not self.stopping.is_set():
            try:
                close_old_connections()
                claim_due_jobs()
                if time.monotonic() - last_prune > 3600:
                    prune_slots()
                    last_prune = time.monotonic()
            except Exception:  # the scheduler must outlive a database hiccup
                logger.exception("Periodic scheduler tick failed")
            self.stopping.wait(self.tick)
        close_old_connections()

    def stop(self):
        self.stopping.set()
