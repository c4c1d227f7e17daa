"""Fixtures for analytics: billing's members and test-mode subscriptions, and pinned clocks."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.billing.conftest import individual, make_member, monthly, subscribe, yearly  # noqa: F401

NEWSROOM = ZoneInfo("Asia/Shanghai")


def at(month, day, hour=12, minute=0, year=2026):
    """A moment in the newsroom's time zone (settings.TIME_ZONE)."""
    return datetime(year, month, day, hour, minute, tzinfo=NEWSROOM)


@pytest.fixture
def report():
    """`manage.py analytics_report --json` for a range, after rolling its days up."""
    import json
    from io import StringIO

    from django.core.management import call_command

    def run(since, until, *, refresh=True):
        out = StringIO()
        args = ["--json", "--since", since, "--until", until] + (["--refresh"] if refresh else [])
        call_command("analytics_report", *args, stdout=out)
        return json.loads(out.getvalue())

    return run
