"""The conversion funnel, newsletters and events, from members', billing's, access's,
newsletters' and events' records.

Metrics (key):
  funnel.signup / funnel.trial / funnel.paid (page id|cta), per day: members who signed up,
      started a trial, or first paid, attributed to the article and call to action they came
      from (core.attribution); page id 0 when they came from no page, cta "" when from no
      call to action. Paid counts a subscription's first revenue (a converted trial included).
  meter.reads (article id), gift.reads (article id), per day
  nl.subscribed / nl.unsubscribed (newsletter id), nl.bounced / nl.complained / nl.rejected (""),
      per day
  nl.planned / nl.sent / nl.failed / nl.opened / nl.clicked (issue id), on the day the issue's
      sending started (nl.tracked = 1 when the newsletter tracks opens and clicks)
  ev.tickets / ev.member_tickets / ev.issued / ev.checked_in (event id), ev.revenue (event id|currency),
      on the event's day
"""

from datetime import timedelta

from django.utils import timezone

from masthead.access import selectors as access
from masthead.billing import selectors as billing
from masthead.content.selectors import page_ids_for_paths
from masthead.core.attribution import came_from
from masthead.events import selectors as events
from masthead.members import selectors as members
from masthead.newsletters import selectors as newsletters

from ..models import DailyMetric
from .common import Rows, bounds, replace

FUNNEL_METRICS = {"funnel.signup", "funnel.trial", "funnel.paid", "meter.reads", "gift.reads"}
DAILY_NEWSLETTER_METRICS = {"nl.subscribed", "nl.unsubscribed", "nl.bounced", "nl.complained", "nl.rejected"}
ISSUE_METRICS = {"nl.planned", "nl.sent", "nl.failed", "nl.opened", "nl.clicked", "nl.tracked"}
EVENT_METRICS = {"ev.tickets", "ev.member_tickets", "ev.issued", "ev.checked_in", "ev.revenue"}
# Opens and clicks keep arriving after a send; issues are recounted for this long.
ISSUE_WINDOW = timedelta(days=45)
EVENT_WINDOW = timedelta(days=400)


def _origins(subscription_rows):
    """{subscription id: (path, cta)}: the checkout each subscription came from is the member's
    last completed membership checkout opened before the subscription started."""
    checkouts = {}
    for user_id, created_at, next_url in billing.subscription_checkouts(
        {s["user_id"] for s in subscription_rows}
    ):
        checkouts.setdefault(user_id, []).append((created_at, next_url))
    origins = {}
    for sub in subscription_rows:
        found = ("", "")
        for created_at, next_url in checkouts.get(sub["user_id"], []):
            if created_at <= sub["started_at"]:
                found = came_from(next_url)
        origins[sub["id"]] = found
    return origins


def _keys(pairs):
    """(path, cta) pairs → "page id|cta" keys (page id 0 when the path is not a page)."""
    ids = page_ids_for_paths({path for path, _cta in pairs if path})
    return [f"{ids.get(path, 0)}|{cta}" for path, cta in pairs]


def roll_funnel_day(day):
    start, end = bounds(day)
    rows = Rows()
    signups = [(path, cta) for _user, path, cta in members.signup_sources(start, end)]
    for key in _keys(signups):
        rows.add("funnel.signup", key)
    trials = billing.trials_started(start, end)
    origins = _origins(trials)
    for key in _keys([origins[t["id"]] for t in trials]):
        rows.add("funnel.trial", key)
    first_paid = billing.first_paid_changes(start, end)
    subs = list(billing.subscriptions(first_paid).values())
    origins = _origins(subs)
    for key in _keys([origins[s["id"]] for s in subs]):
        rows.add("funnel.paid", key)
    for article_id, n in access.meter_reads(start, end).items():
        rows.add("meter.reads", article_id, n)
    for article_id, n in access.gift_reads(start, end).items():
        rows.add("gift.reads", article_id, n)
    replace(metrics=FUNNEL_METRICS, rows=rows, day=day)
    rows = Rows()
    subscribed, unsubscribed = newsletters.subscription_changes(start, end)
    for newsletter_id, n in subscribed.items():
        rows.add("nl.subscribed", newsletter_id, n)
    for newsletter_id, n in unsubscribed.items():
        rows.add("nl.unsubscribed", newsletter_id, n)
    for reason, n in newsletters.suppressions(start, end).items():
        if f"nl.{reason}" in DAILY_NEWSLETTER_METRICS:
            rows.add(f"nl.{reason}", "", n)
    replace(metrics=DAILY_NEWSLETTER_METRICS, rows=rows, day=day)


def roll_newsletters(*, now=None):
    now = now or timezone.now()
    since = timezone.localdate(now - ISSUE_WINDOW)
    rows = {}
    for issue in newsletters.issue_stats(bounds(since)[0]):
        day = timezone.localdate(issue["started_at"])
        for name in ("planned", "sent", "failed", "opened", "clicked"):
            rows[(day, f"nl.{name}", str(issue["id"]))] = issue[name]
        rows[(day, "nl.tracked", str(issue["id"]))] = int(bool(issue["tracked"]))
    days = set(
        DailyMetric.objects.filter(metric__in=ISSUE_METRICS, day__gte=since).values_list("day", flat=True)
    ) | {key[0] for key in rows}
    return replace(metrics=ISSUE_METRICS, rows=rows, days=days)


def roll_events(*, now=None):
    now = now or timezone.now()
    since, until = timezone.localdate(now - EVENT_WINDOW), timezone.localdate(now + EVENT_WINDOW)
    rows = {}
    for event in events.event_sales(bounds(since)[0], bounds(until)[1]):
        day, key = timezone.localdate(event["starts_at"]), str(event["id"])
        for name in ("tickets", "member_tickets", "issued", "checked_in"):
            rows[(day, f"ev.{name}", key)] = event[name]
        for currency, total in event["revenue"].items():
            rows[(day, "ev.revenue", f"{key}|{currency}")] = total
    days = set(
        DailyMetric.objects.filter(metric__in=EVENT_METRICS, day__gte=since, day__lte=until).values_list(
            "day", flat=True
        )
    ) | {key[0] for key in rows}
    return replace(metrics=EVENT_METRICS, rows=rows, days=days)
