"""Reads about a member's access for pages that describe it (the account page, the admin)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Value, When

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


# Member status: one word for staff lists, the API and webhooks. The first that holds:
#   staff          the account is staff
#   paying         a premium grant covers now from a source that is paid for (a subscription,
#                  a group seat, a gift membership, staff-given premium)
#   complimentary  a complimentary premium grant covers now (even beside a trial: nobody pays)
#   trial          a trial premium grant covers now
#   lapsed         premium grants, none covering now
#   free           never premium
MEMBER_STATUSES = ("staff", "paying", "complimentary", "trial", "lapsed", "free")
UNPAID_SOURCES = ("trial", "complimentary")


def member_status_expression(now):
    """The member status of each user row, in SQL (the one definition; see above)."""
    premium = Grant.objects.filter(user=OuterRef("pk"), level="premium")
    premium_now = premium.current(now)
    return Case(
        When(is_staff=True, then=Value("staff")),
        When(Exists(premium_now.exclude(source__in=UNPAID_SOURCES)), then=Value("paying")),
        When(Exists(premium_now.filter(source="complimentary")), then=Value("complimentary")),
        When(Exists(premium_now.filter(source="trial")), then=Value("trial")),
        When(Exists(premium), then=Value("lapsed")),
        default=Value("free"),
        output_field=CharField(),
    )


def with_member_status(queryset, *, now):
    """Users annotated with `member_status`: one query for a whole page of members."""
    if "member_status" in queryset.query.annotations:
        return queryset
    return queryset.annotate(member_status=member_status_expression(now))


def member_status(*, user, now):
    """One member's status word (MEMBER_STATUSES)."""
    if getattr(user, "member_status", None) in MEMBER_STATUSES:
        return user.member_status  # already annotated by with_member_status
    users = get_user_model().objects.filter(pk=user.pk)
    return with_member_status(users, now=now).values_list("member_status", flat=True).get()


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
