"""Helpers shared by the rollups: day boundaries and replacing a day's rows."""

from collections import defaultdict
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from ..models import DailyMetric


def bounds(day):
    """[start, end) of a local day, as aware datetimes."""
    tz = timezone.get_current_timezone()
    start = datetime.combine(day, time.min, tzinfo=tz)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)


def month_start(day):
    return day.replace(day=1)


def add_months(day, months):
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)


class Rows(defaultdict):
    """{(metric, key): value}, adding up."""

    def __init__(self):
        super().__init__(int)

    def add(self, metric, key, value=1):
        self[(metric, str(key))] += value


def replace(*, metrics, rows, days=None, day=None, snapshots=()):
    """Replace every row of `metrics` on `day` (or on any of `days`) with `rows`.

    `rows` maps (metric, key) → value for a single day, or (day, metric, key) → value when
    `days` is given. Zero values are not stored (a missing row reads as 0), except the site-wide
    ("") row of each metric in `snapshots` (single day only): a snapshot is read from the last
    day that has a row, so a day when it fell to zero must have one.
    """
    metrics = set(metrics)
    for metric in snapshots:
        rows.setdefault((metric, ""), 0)
    with transaction.atomic():
        stale = DailyMetric.objects.filter(metric__in=metrics)
        stale = stale.filter(day=day) if days is None else stale.filter(day__in=list(days))
        stale.delete()
        objects = []
        for full_key, value in rows.items():
            if not value and not (full_key[-2] in snapshots and full_key[-1] == ""):
                continue
            row_day, (metric, key) = (day, full_key) if days is None else (full_key[0], full_key[1:])
            assert metric in metrics, metric  # noqa: S101 - an invariant of the rollups' own keys, not input
            objects.append(DailyMetric(day=row_day, metric=metric, key=key[:200], value=value))
        DailyMetric.objects.bulk_create(objects, batch_size=2000)
    return len(objects)
