"""The access policy applied to a request: what channels call.

`decision_for_request` is for the article page and gift pages (it records a metered read when
the decision spends one); `peek` is for everything that shows text without being "a read" —
search snippets, listings — and never spends the meter, so it only grants what is already free
to this reader.
"""

from django.utils import timezone

from .models import PaywallSettings
from .policy import ANONYMOUS, Meter, decide
from .readers import current_month, forget_reader, reader_for_request
from .services import meter_record_read

DECISION_ATTR = "_masthead_decisions"


def paywall_settings(request):
    from masthead.core.caching import site_setting

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
