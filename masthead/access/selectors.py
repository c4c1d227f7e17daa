"""Reads about a member's access for pages that describe it (the account page, the admin)."""

from dataclasses import dataclass

from .models import GiftLink, Grant, MeterRead
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
