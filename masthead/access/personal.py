"""The personal parts of a page served per access variant (docs/caching.md).

A page the page cache keeps for a whole variant leaves out everything that is one reader's:
their name and sign-out form (with its CSRF token) in the header, the gift form and how many
gift links they have left, the comment form and their own comments, the newsletter box (their
address, their subscriptions). Each is an empty slot (`data-personal="<name>"`); after the page
loads, access/personal.js asks for the slots it found in one small private request, and this
renders them for whoever the session says.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from masthead.content.models import ArticlePage

from .models import GiftLink
from .policy import Decision, Meter, Reason, decide
from .readers import current_month, reader_for_request
from .reading import DECISION_ATTR, paywall_settings

SLOTS = ("account", "gift", "comments", "newsletter")


def _article(page_id):
    return ArticlePage.objects.live().filter(pk=page_id).first()


def personal_parts(request, *, slots, page_id=None, next_path=None):
    """{slot: html} for the slots asked for; a slot that has nothing for this reader is ""."""
    wanted = [slot for slot in SLOTS if slot in slots]
    article = _article(page_id) if page_id and {"gift", "comments"} & set(wanted) else None
    now = timezone.now()
    context = {"page": article, "next_path": (article.url if article else None) or next_path}
    if article is not None:
        # What the article page decided for this reader, but without spending the meter: these
        # parts show nothing a reader could not read anyway (a metered read is rendered per
        # request, and counted there, never here).
        settings = paywall_settings(request)
        decision = decide(
            reader_for_request(request, now),
            article,
            now,
            meter=Meter(settings.monthly_free_articles),
            month=current_month(now),
        )
        if decision.consumes_meter:
            decision = Decision(False, Reason.MEMBERSHIP_REQUIRED)
        setattr(request, DECISION_ATTR, {(article.pk, None): decision})
        context["decision"] = decision
        context["gift_quota"] = gift_quota(request, now) if "gift" in wanted else None
    parts = {}
    for slot in wanted:
        if slot in ("gift", "comments") and article is None:
            parts[slot] = ""
            continue
        parts[slot] = render_to_string(f"access/personal/{slot}.html", context, request=request)
    return parts


def gift_quota(request, now):
    """(gift links left this month, the monthly allowance) for a paying member; None otherwise."""
    user = request.user
    reader = reader_for_request(request, now)
    if not (reader.is_paying(now) or user.is_staff):
        return None
    allowance = paywall_settings(request).gift_links_per_month
    month_start = timezone.localtime(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    made = GiftLink.objects.filter(created_by=user, created_at__gte=month_start).count()
    return max(0, allowance - made), allowance
