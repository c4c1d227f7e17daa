"""Print the headline figures (MRR, members, trials, churn, page views, top articles)."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from masthead.analytics.reports import Range, headline
from masthead.analytics.rollups import roll_range


def parse_date(value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value!r}") from None


class Command(BaseCommand):
    help = "Print the analytics headline figures for a date range (default: the last 30 days)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print JSON (amounts in minor units).")
        parser.add_argument("--since", type=parse_date, help="First day, YYYY-MM-DD (newsroom time zone).")
        parser.add_argument("--until", type=parse_date, help="Last day, YYYY-MM-DD (default: today).")
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Roll the range's days up first (otherwise: as last rolled up).",
        )

    def handle(self, *args, since=None, until=None, refresh=False, **options):
        as_json = options["json"]
        until = until or timezone.localdate()
        rng = Range(since, until) if since else Range.last_days(30, today=until)
        if rng.since > rng.until:
            raise CommandError("--since must not be after --until.")
        if refresh:
            roll_range(rng.since, rng.until)
        figures = headline(rng)
        if as_json:
            self.stdout.write(json.dumps(figures, indent=2, sort_keys=True, default=str))
            return
        for name, value in figures.items():
            if name == "top_articles":
                self.stdout.write("top_articles:")
                for row in value:
                    self.stdout.write(f"  {row['views']:>8}  {row['path']}")
            else:
                self.stdout.write(f"{name}: {value}")
