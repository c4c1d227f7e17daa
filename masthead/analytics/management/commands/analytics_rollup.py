"""Roll analytics up for a range of days now (what the periodic job does for the last two)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from masthead.analytics.rollups import roll_range

from .analytics_report import parse_date


class Command(BaseCommand):
    help = "Recompute the analytics summary tables for a range of days (default: the last 2)."

    def add_arguments(self, parser):
        parser.add_argument("--since", type=parse_date)
        parser.add_argument("--until", type=parse_date)

    def handle(self, *args, since=None, until=None, **options):
        until = until or timezone.localdate()
        since = since or until - timedelta(days=1)
        days = roll_range(since, until)
        self.stdout.write(f"Rolled up {days} days, {since} to {until}.")
