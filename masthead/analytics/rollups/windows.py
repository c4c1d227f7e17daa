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
DAY_TOP = 200


def day_top_metric(metric):
    return f"{metric}.daytop"


def day_top_rows(rows, metric):
    """The `DAY_TOP` largest (metric, key) rows of one day's rows, as `<metric>.daytop` rows."""
    top = sorted(((v, k) for (m, k), v in rows.items() if m == metric), reverse=True)[:DAY_TOP]
    return {(day_top_metric(metric), key): value for value, key in top}


def backfill_day_tops():
    """Make the daytop rows of days rolled up before they existed, from their daily rows."""
    table = DailyMetric._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        for metric in WINDOWED:
            name = day_top_metric(metric)
            DailyMetric.objects.filter(metric=name).delete()
            cursor.execute(
                f"INSERT INTO {table} (day, metric, key, value) "  # noqa: S608 - no user input
                f"SELECT day, %s, key, value FROM (SELECT day, key, value, ROW_NUMBER() OVER "
                f"(PARTITION BY day ORDER BY value DESC, key) AS place FROM {table} WHERE metric = %s) ranked "
                "WHERE place <= %s",
                [name, metric, DAY_TOP],
            )


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
