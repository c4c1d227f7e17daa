"""The access policy applied to a request: what channels call.

`decision_for_request` is for the article page and gift pages (it records a metered read when
the decision spends one); `peek` is for everything that shows text without being "a read" —
search snippets, listings — and never spends the meter, so it only grants what is already free
to this reader.
"""

from django.utils import timezone

from masthead.core.caching import site_setting

from .models import PaywallSettings
from .policy import ANONYMOUS, PREMIUM, GrantSpan, Meter, Reader, decide
from .readers import REQUEST_ATTR, current_month, forget_reader, reader_for_request
from .services import meter_record_read

DECISION_ATTR = "_masthead_decisions"


def paywall_settings(request):
    return site_setting(request, PaywallSettings)


def decision_for_request(request, article, *, gift=None, now=None):
    """Decide for this request's reader, spending a metered read when the decision says so."""
    now = now or timezone.now()
    cache = getattr(request, DECISION_ATTR, None)
    if cache is None:
        cache = {}
        setattr(request, DECISION_ATTR, cache)
    key = (article.pk, gift.article_id if gift else None)
    if key in cache:
        return cache[key]
    settings = paywall_settings(request)
    meter = Meter(settings.monthly_free_articles)
    month = current_month(now)
    decision = decide(reader_for_request(request, now), article, now, meter=meter, gift=gift, month=month)
    if decision.consumes_meter:
        recorded = meter_record_read(user=request.user, article=article, limit=meter.limit, now=now)
        forget_reader(request)
        if not recorded:  # someone spent the last free read in the meantime
            decision = decide(
                reader_for_request(request, now), article, now, meter=meter, gift=gift, month=month
            )
    cache[key] = decision
    return decision


def peek(reader, article, now, *, meter_limit=0):
    """Would `reader` see the full text without spending anything? (search snippets, listings)"""
    decision = decide(reader, article, now, meter=Meter(meter_limit), month=current_month(now))
    return decision.full and not decision.consumes_meter


def anonymous_decision(article, now=None):
    """What an anonymous reader gets: feeds, shared caches, anything not tied to a person."""
    now = now or timezone.now()
    return decide(ANONYMOUS, article, now)


# --- Editors' preview: the article as each kind of reader would get it ----------------------

PREVIEW_ANONYMOUS, PREVIEW_MEMBER, PREVIEW_MEMBER_SPENT, PREVIEW_PAYING = (
    "anonymous",
    "member",
    "member_meter_spent",
    "paying",
)


def preview_reader(kind, now, *, meter_limit):
    """A stand-in Reader for the editor's preview: no account, no grant or read is touched."""
    month = current_month(now)
    if kind == PREVIEW_ANONYMOUS:
        return ANONYMOUS
    if kind == PREVIEW_PAYING:
        start = now - timezone.timedelta(days=1)
        return Reader(
            user_id=-1, grants=(GrantSpan(PREMIUM, "subscription", start, None),), meter_month=month
        )
    # A free member: with this month's free reads untouched, or all of them spent elsewhere.
    spent = frozenset(-n for n in range(1, meter_limit + 1)) if kind == PREVIEW_MEMBER_SPENT else frozenset()
    return Reader(user_id=-1, meter_month=month, metered_article_ids=spent)


def preview_as(request, article, kind, *, now=None):
    """Make `request` read `article` as a `kind` reader would: the same policy, prompts and
    meter notice as the live page, but nothing is recorded (a metered read is shown, not spent)."""
    now = now or timezone.now()
    settings = paywall_settings(request)
    meter = Meter(settings.monthly_free_articles)
    reader = preview_reader(kind, now, meter_limit=meter.limit)
    decision = decide(reader, article, now, meter=meter, month=current_month(now))
    setattr(request, REQUEST_ATTR, reader)
    setattr(request, DECISION_ATTR, {(article.pk, None): decision})
    return decision
