"""Member lists: Ghost's members CSV, Substack's subscriber CSV, and a plain CSV anyone can write.

File-level problems (not UTF-8, no header, a required column missing) stop the import before
anything is written. Row-level problems (an address that is not one, a duplicate address, a
row with too many or too few fields, a date that is not a date) are reported with their line
and the row is left out; every other row is imported.

The plain CSV (`manage.py import_members csv FILE`), one member a row, header required:
    email                required
    name                 the member's name
    note                 a note for staff
    labels               labels, comma-separated inside the field
    subscribed           true/false: agreed to receive newsletters (default false)
    newsletters          which ones, by name or slug, comma-separated (default: the newsletters
                         marked "subscribe new members by default")
    complimentary_until  a date: free premium access until then
    stripe_customer_id   the member's customer at Stripe (cus_…), to link a paying subscription
    created_at           when they joined
"""

import csv
import io

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from ..errors import ExportError
from ..files import decode_text
from ..parsed import Member, Unit
from .common import parse_date, truthy

PAID_SUBSTACK_PLANS = {"monthly", "yearly", "annual", "founding", "other", "paid"}


class RowError(ValueError):
    pass


def _split(value):
    return [part.strip() for part in (value or "").split(",") if part.strip()]


class MemberCSV:
    kind = "members"
    name = "csv"
    required = {"email"}

    def __init__(self, files, options):
        self.files = files
        self.options = options
        main = files.main_file(".csv")
        text = decode_text(files.read(main), what=main)
        if not text.strip():
            raise ExportError(f"{main}: the file is empty")
        reader = csv.DictReader(io.StringIO(text, newline=""))
        columns = [c.strip().lower() for c in reader.fieldnames or []]
        reader.fieldnames = columns
        missing = self.required - set(columns)
        if missing:
            raise ExportError(
                f"{main} line 1: missing column(s) {', '.join(sorted(missing))} "
                f"(the header has: {', '.join(columns) or 'nothing'})"
            )
        self.main = main
        self.rows, self.errors = [], []
        seen = {}
        try:
            for row in reader:
                line = reader.line_num
                if None in row or any(value is None for value in row.values()):
                    self.errors.append((line, "", "wrong number of fields"))
                    continue
                email = (row.get("email") or "").strip().lower()
                try:
                    validate_email(email)
                except ValidationError:
                    self.errors.append((line, email, f"{email or '(empty)'} is not an email address"))
                    continue
                if email in seen:
                    self.errors.append((line, email, f"{email} appears again (first on line {seen[email]})"))
                    continue
                seen[email] = line
                self.rows.append((line, row))
        except csv.Error as error:
            raise ExportError(f"{main} line {reader.line_num}: {error}") from error
        self.namespace = f"members:{options.get('namespace') or self.name}"

    def count(self):
        return len(self.rows)

    def units(self):
        for line, row in self.rows:
            try:
                member = self.member(line, row)
            except (RowError, ExportError) as error:
                yield Unit("member", row["email"].strip().lower(), error, row)
                continue
            yield Unit("member", member.email, member, row)

    def date(self, row, column, line):
        try:
            return parse_date(row.get(column), what=column)
        except ExportError as error:
            raise RowError(f"line {line}: {column} {row.get(column)!r} is not a date") from error

    def member(self, line, row):
        email = row["email"].strip().lower()
        until = self.date(row, "complimentary_until", line)
        return Member(
            source_id=email,
            line=line,
            email=email,
            name=(row.get("name") or "").strip(),
            note=(row.get("note") or "").strip(),
            labels=_split(row.get("labels")),
            joined_at=self.date(row, "created_at", line),
            subscribed=truthy(row.get("subscribed")),
            newsletters=_split(row.get("newsletters")),
            complimentary=until is not None,
            complimentary_until=until,
            customer_ref=(row.get("stripe_customer_id") or "").strip(),
            paying=bool((row.get("stripe_customer_id") or "").strip()),
        )


class GhostMembers(MemberCSV):
    """Ghost's members export: id, email, name, note, subscribed_to_emails, complimentary_plan,
    stripe_customer_id, created_at, deleted_at, labels, tiers (and newsletters, when present)."""

    name = "ghost"
    required = {"email", "subscribed_to_emails"}

    def member(self, line, row):
        if (row.get("deleted_at") or "").strip():
            raise RowError(f"line {line}: deleted in Ghost ({row['deleted_at']}); left out")
        email = row["email"].strip().lower()
        customer = (row.get("stripe_customer_id") or "").strip()
        return Member(
            source_id=(row.get("id") or "").strip() or email,
            line=line,
            email=email,
            name=(row.get("name") or "").strip(),
            note=(row.get("note") or "").strip(),
            labels=_split(row.get("labels")),
            joined_at=self.date(row, "created_at", line),
            subscribed=truthy(row.get("subscribed_to_emails")),
            newsletters=_split(row.get("newsletters")),
            complimentary=truthy(row.get("complimentary_plan")),
            customer_ref=customer,
            paying=bool(customer) and not truthy(row.get("complimentary_plan")),
        )


class SubstackMembers(MemberCSV):
    """Substack's subscriber export: email, active_subscription, expiry, plan, email_disabled,
    created_at, first_payment_at (and name, stripe_customer_id when present). Substack leaves out
    Stripe customer ids; paying subscribers are then looked up at Stripe by address."""

    name = "substack"
    required = {"email", "plan"}

    def member(self, line, row):
        email = row["email"].strip().lower()
        plan = (row.get("plan") or "").strip().lower()
        active = truthy(row.get("active_subscription")) if "active_subscription" in row else True
        expiry = self.date(row, "expiry", line)
        labels = [f"substack:{plan}"] if plan and plan != "free" else []
        return Member(
            source_id=email,
            line=line,
            email=email,
            name=(row.get("name") or "").strip(),
            labels=labels,
            joined_at=self.date(row, "created_at", line),
            subscribed=not truthy(row.get("email_disabled")),
            complimentary=plan in ("comp", "gift") and active,
            complimentary_until=expiry if plan in ("comp", "gift") else None,
            paying=plan in PAID_SUBSTACK_PLANS and active,
            customer_ref=(row.get("stripe_customer_id") or "").strip(),
        )
