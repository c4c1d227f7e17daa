"""Reads about a member's access for pages that describe it (the account page, the admin)."""

from dataclasses import dataclass

from django.db.models import Count, F

from .models import GiftLink, GiftRead, Grant, MeterRead
from .readers import current_month


@dataclass(frozen=True)
class AccessSummary:
    current: list
    past: list
    metered_this_month: list
    meter_limit: int
    gift_links: list

    @property
    def is_paying(self):
        return any(g.level == "premium" for g in self.current)


def member_access_summary(*, user, now, meter_limit=0):
    grants = list(Grant.objects.filter(user=user).order_by("-starts_at"))
    current = [g for g in grants if g.covers(now)]
    past = [g for g in grants if not g.covers(now)]
    reads = list(
        MeterRead.objects.filter(user=user, month=current_month(now))
        .select_related("article")
        .order_by("created_at")
    )
    links = list(
        GiftLink.objects.filter(created_by=user).select_related("article").order_by("-created_at")[:20]
    )
    return AccessSummary(current, past, reads, meter_limit, links)


def member_status(*, user, now):
    """One word for staff lists: staff, paying, trial, complimentary, lapsed or free."""
    if user.is_staff:
        return "staff"
    grants = list(Grant.objects.filter(user=user))
    current = [g for g in grants if g.covers(now) and g.level == "premium"]
    if current:
        sources = {g.source for g in current}
        if "complimentary" in sources and len(sources) == 1:
            return "complimentary"
        if sources == {"trial"}:
            return "trial"
        return "paying"
    if any(g.level == "premium" for g in grants):
        return "lapsed"
    return "free"


# --- For reports (the analytics app) ------------------------------------------------------------


def premium_grants_covering(when):
    """(user id, source) of every premium grant covering `when`."""
    return list(
        Grant.objects.current(when)
        .filter(level="premium", user__isnull=False)
        .values_list("user_id", "source")
    )


def premium_grant_spans(*, sources):
    """(user id, starts_at, ends_at) of every premium grant from `sources`, oldest first. Grants
    are never deleted, so these are members' whole histories."""
    return list(
        Grant.objects.filter(level="premium", source__in=sources, user__isnull=False)
        .order_by("starts_at")
        .values_list("user_id", "starts_at", "ends_at")
    )


def meter_reads(start, end):
    """{article id: metered reads recorded in [start, end)}."""
    rows = (
        MeterRead.objects.filter(created_at__gte=start, created_at__lt=end)
        .values("article_id")
        .annotate(n=Count("id"))
    )
    return {row["article_id"]: row["n"] for row in rows}


def gift_reads(start, end):
    """{article id: readers who opened a gift link to it in [start, end)}."""
    rows = (
        GiftRead.objects.filter(created_at__gte=start, created_at__lt=end)
        .values(article_id=F("link__article_id"))
        .annotate(n=Count("id"))
    )
    return {row["article_id"]: row["n"] for row in rows}
