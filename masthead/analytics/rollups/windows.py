"""Per-page totals over the dashboard's preset periods, so its default view never adds up
millions of daily rows.

With a million page views a day over a large archive, tens of thousands of pages are read each
day; their daily rows are kept (any period can be asked for), but summing 30 or 90 days of them
takes seconds. After each rollup, the last 7, 30 and 90 days up to today are summed once, in
the database, into `<metric>.w<days>` rows dated today (older ones are dropped). The dashboard
reads those for the preset periods and falls back to the daily rows for any other range.
"""

from datetime import timedelta

from django.db import connection, transaction

from ..models import DailyMetric

WINDOWED = ("pageviews", "paywall")
WINDOWS = (7, 30, 90)


def window_metric(metric, days):
    return f"{metric}.w{days}"


def roll_windows(today):
    table = DailyMetric._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        for metric in WINDOWED:
            for days in WINDOWS:
                name = window_metric(metric, days)
                DailyMetric.objects.filter(metric=name).delete()
                cursor.execute(
                    f"INSERT INTO {table} (day, metric, key, value) "  # noqa: S608 - no user input
                    f"SELECT %s, %s, key, SUM(value) FROM {table} "
                    "WHERE metric = %s AND day > %s AND day <= %s GROUP BY key",
                    [today, name, metric, today - timedelta(days=days), today],
                )
