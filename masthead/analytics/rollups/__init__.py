"""Periodic rollups: the other apps' facts and the page-view counters → DailyMetric rows.

`roll_up(now=)` is what the periodic job runs (tasks.roll_up): yesterday and today, then the
per-month and per-item tables. Every step replaces the rows it computes (delete, then insert,
in one transaction), so running it twice, or again for a past day, changes nothing but what
the facts changed. Metric names and what they mean are listed in each module.
"""

from datetime import timedelta

from django.utils import timezone

from . import business, content, traffic
from .common import bounds
from .windows import roll_windows

__all__ = ["roll_up", "roll_day", "roll_range", "bounds"]


def roll_day(day, *, now=None):
    """Every per-day figure of `day` (a date in the newsroom's time zone)."""
    traffic.roll_day(day)
    business.roll_day(day, now=now)
    content.roll_funnel_day(day)


def roll_range(since, until, *, now=None):
    """Every day from `since` to `until` (dates, both included), then the per-item tables.
    For backfills and `analytics_report --refresh`. Returns the number of days."""
    now = now or timezone.now()
    day, count = since, 0
    while day <= until:
        roll_day(day, now=now)
        day += timedelta(days=1)
        count += 1
    business.roll_cohorts(now=now)
    content.roll_newsletters(now=now)
    content.roll_events(now=now)
    roll_windows(timezone.localdate(now))
    return count


def roll_up(*, now=None, days=2):
    """The periodic job: the last `days` days (today included), cohorts, newsletters, events."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    for offset in range(days - 1, -1, -1):
        roll_day(today - timedelta(days=offset), now=now)
    business.roll_cohorts(now=now)
    content.roll_newsletters(now=now)
    content.roll_events(now=now)
    roll_windows(today)
    traffic.forget_before(today - timedelta(days=2))
