"""Importing members through the members, newsletters, access and billing services: the account,
its newsletter choices (with the consent the member gave), complimentary access, and — with
Stripe configured — the paying subscription they already have, linked without a new charge."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from masthead.access.models import Level, Source
from masthead.access.services import grant_ensure
from masthead.billing import adoption
from masthead.members.services import member_find, member_import
from masthead.newsletters.services import (
    default_newsletters,
    newsletter_import_choice,
    newsletters_by_name,
    subscriber_for_user,
)

from .ledger import remember, remembered
from .models import ImportMessage
from .sources.members import RowError

INFO, WARNING, ERROR = ImportMessage.Level.INFO, ImportMessage.Level.WARNING, ImportMessage.Level.ERROR
DEFAULT_COMPLIMENTARY_DAYS = 365


class MemberImporter:
    def __init__(self, *, run, source, resolver, report, now):
        self.run = run
        self.source = source
        self.report = report
        self.now = now
        self.dry_run = run.dry_run
        self.options = run.options or {}
        self.namespace = source.namespace
        self.newsletters = newsletters_by_name()
        self.defaults = default_newsletters()
        self.plan_map = adoption.parse_plan_map(self.options.get("plan_map") or "")
        self.stripe = adoption.provider_configured()
        self.warned_no_stripe = False

    def import_unit(self, unit):
        member = unit.record
        if isinstance(member, RowError):
            self.report.count("member", "failed")
            self.report.message(ERROR, "member", unit.source_id, str(member))
            return
        record = remembered(self.namespace, "member", unit.source_id)
        pending = bool(record and (record.data or {}).get("paying_pending"))
        if record is not None and record.checksum == unit.checksum and not pending:
            self.report.count("member", "skipped")
            return
        try:
            with transaction.atomic():
                outcome = self._member(unit, member, record)
        except (ValidationError, Exception) as error:  # noqa: BLE001 - one member fails, the import goes on
            self.report.count("member", "failed")
            self.report.message(
                ERROR, "member", unit.source_id, f"line {member.line}: not imported: {_text(error)}"
            )
            return
        self.report.count("member", outcome)

    def _member(self, unit, member, record):
        if self.dry_run:
            existing = member_find(email=member.email)
            self._dry_paying(member)
            return "updated" if existing else "created"
        user, created, changed = member_import(
            email=member.email,
            name=member.name,
            note=member.note,
            labels=member.labels,
            joined_at=member.joined_at,
            now=self.now,
        )
        self._newsletters(user, member, unit)
        self._complimentary(user, member, unit)
        pending = self._paying(user, member, unit)
        remember(
            namespace=self.namespace,
            kind="member",
            source_id=unit.source_id,
            target=user,
            checksum=unit.checksum,
            run=self.run,
            data={"paying_pending": pending},
            now=self.now,
        )
        return "created" if created else "updated"

    def _newsletters(self, user, member, unit):
        if not member.subscribed:
            return
        if member.newsletters:
            chosen = []
            for name in member.newsletters:
                newsletter = self.newsletters.get(name.strip().lower())
                if newsletter is None:
                    self.report.message(
                        WARNING, "member", unit.source_id, f"newsletter {name!r} does not exist here"
                    )
                else:
                    chosen.append(newsletter)
        else:
            chosen = self.defaults
        if not chosen:
            return
        subscriber = subscriber_for_user(user=user, now=self.now)
        for newsletter in chosen:
            if newsletter_import_choice(
                subscriber=subscriber,
                newsletter=newsletter,
                started_at=member.joined_at,
                source=f"import:{self.source.name}",
                now=self.now,
            ):
                self.report.count("newsletter subscription", "created")

    def _complimentary(self, user, member, unit):
        if not member.complimentary:
            return
        until = member.complimentary_until
        if until is None:
            days = int(self.options.get("complimentary_days") or DEFAULT_COMPLIMENTARY_DAYS)
            until = self.now + timedelta(days=days)
            self.report.message(
                INFO,
                "member",
                unit.source_id,
                f"complimentary access without an end date: until {until:%Y-%m-%d}",
            )
        grant = grant_ensure(
            user=user,
            level=Level.PREMIUM,
            source=Source.COMPLIMENTARY,
            source_ref=f"import:{self.namespace}"[:100],
            ends_at=until,
            reason=f"complimentary access imported from {self.source.name}",
            now=self.now,
        )
        self.report.count("complimentary access", "granted" if grant is not None else "already ended")

    def _paying(self, user, member, unit):
        """Link the member's live subscriptions at Stripe. Returns True when a later run should try
        again (Stripe not configured, or a price that matched no plan)."""
        if not member.paying:
            return False
        if not self.stripe:
            self._no_stripe(unit)
            return True
        try:
            customer, snapshots = adoption.find_subscriptions(
                customer_ref=member.customer_ref, email=member.email
            )
        except adoption.AdoptionRefused as refusal:
            self.report.count("subscription", "unmatched")
            self.report.message(
                WARNING, "member", unit.source_id, f"paying subscriber not linked: {refusal.detail}"
            )
            return False
        if not snapshots:
            self.report.count("subscription", "unmatched")
            self.report.message(
                WARNING,
                "member",
                unit.source_id,
                f"Stripe customer {customer} has no active or trialing subscription",
            )
            return False
        retry = False
        for snap in snapshots:
            price = adoption.match_price(snap, self.plan_map)
            if price is None:
                retry = True  # a later run with a --plan-map entry for this price links it
                self.report.count("subscription", "unmatched")
                self.report.message(
                    WARNING,
                    "member",
                    unit.source_id,
                    f"subscription {snap.ref} on Stripe price {snap.price_ref} matches no plan here "
                    "(add the price id to a plan's price, or use --plan-map)",
                )
                continue
            try:
                _sub, created = adoption.subscription_adopt(user=user, snap=snap, price=price, now=self.now)
            except adoption.AdoptionRefused as refusal:
                self.report.count("subscription", "unmatched")
                self.report.message(
                    WARNING,
                    "member",
                    unit.source_id,
                    f"subscription {snap.ref} not linked: {refusal.detail}",
                )
                continue
            self.report.count("subscription", "linked" if created else "already linked")
        return retry

    def _dry_paying(self, member):
        if member.complimentary:
            self.report.count("complimentary access", "granted")
        if not member.paying:
            return
        if not self.stripe:
            self._no_stripe(None)
            return
        try:
            _customer, snapshots = adoption.find_subscriptions(
                customer_ref=member.customer_ref, email=member.email
            )
        except adoption.AdoptionRefused as refusal:
            self.report.count("subscription", "unmatched")
            self.report.message(
                WARNING, "member", member.source_id, f"paying subscriber not linked: {refusal.detail}"
            )
            return
        for snap in snapshots or [None]:
            if snap is not None and adoption.match_price(snap, self.plan_map) is not None:
                self.report.count("subscription", "linked")
            else:
                self.report.count("subscription", "unmatched")
                self.report.message(
                    WARNING,
                    "member",
                    member.source_id,
                    "no matching active subscription at Stripe"
                    if snap is None
                    else f"subscription {snap.ref} on price {snap.price_ref} matches no plan here",
                )

    def _no_stripe(self, unit):
        self.report.count("subscription", "waiting for Stripe")
        if not self.warned_no_stripe:
            self.warned_no_stripe = True
            self.report.message(
                WARNING,
                "member",
                unit.source_id if unit else "",
                "Stripe is not configured: paying subscribers were imported as members without their "
                "subscription; run the import again once STRIPE_SECRET_KEY is set to link them",
            )

    def finish(self):
        pass


def _text(error):
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return f"{error.__class__.__name__}: {error}"
