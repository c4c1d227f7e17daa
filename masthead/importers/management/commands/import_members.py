"""manage.py import_members {ghost,substack,csv} FILE.csv — members, their newsletter choices,
complimentary access and (with Stripe configured) their paying subscriptions."""

from django.core.management.base import BaseCommand, CommandError

from masthead.billing.adoption import parse_plan_map

from ._common import run_command


class Command(BaseCommand):
    help = "Import members from a Ghost or Substack members export, or a plain CSV (see masthead/importers/sources/members.py)."

    def add_arguments(self, parser):
        parser.add_argument("source", choices=["ghost", "substack", "csv"])
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="Write nothing; print what would happen.")
        parser.add_argument(
            "--plan-map",
            default="",
            help="Stripe prices to our prices: price_abc=individual:month,price_def=individual:year:USD (or a price id).",
        )
        parser.add_argument(
            "--complimentary-days",
            type=int,
            default=365,
            help="Complimentary access without an end date lasts this long.",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue the import for the worker instead of running it here.",
        )

    def handle(self, *args, **opts):
        try:
            parse_plan_map(opts["plan_map"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        run_command(
            self,
            kind="members",
            source=opts["source"],
            path=opts["path"],
            options={"plan_map": opts["plan_map"], "complimentary_days": opts["complimentary_days"]},
            dry_run=opts["dry_run"],
            background=opts["background"],
        )
