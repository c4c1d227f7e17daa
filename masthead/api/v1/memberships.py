"""Memberships (subscriptions): list and read. Scope `memberships:read`."""

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from masthead.billing.models import Status, Subscription

from .base import ERRORS, ERRORS_404, MAX_DB_ID, DbId, PageMeta, not_found, paginate, require

router = Router(tags=["memberships"])


class MembershipOut(Schema):
    id: int
    member_id: int | None
    member_email: str | None
    plan: str
    status: str
    quantity: int
    started_at: datetime
    trial_end: datetime | None
    current_period_end: datetime | None
    cancel_at_period_end: bool
    ended_at: datetime | None


class MembershipList(Schema):
    items: list[MembershipOut]
    meta: PageMeta


def _out(sub):
    return {
        "id": sub.pk,
        "member_id": sub.user_id,
        "member_email": sub.user.email if sub.user else None,
        "plan": sub.plan.slug,
        "status": sub.status,
        "quantity": sub.quantity,
        "started_at": sub.started_at,
        "trial_end": sub.trial_end,
        "current_period_end": sub.current_period_end,
        "cancel_at_period_end": sub.cancel_at_period_end,
        "ended_at": sub.ended_at,
    }


def _subscriptions():
    return Subscription.objects.select_related("user", "plan").order_by("-started_at", "-pk")


@router.get("/", response={200: MembershipList, **ERRORS}, summary="List memberships, newest first")
def list_memberships(
    request,
    page: int = Query(1, ge=1, le=1_000_000),
    limit: int = Query(20, ge=1, le=100),
    status: Status | None = Query(None),
    member_id: int | None = Query(None, ge=1, le=MAX_DB_ID),
):
    require(request, "memberships:read")
    qs = _subscriptions()
    if status:
        qs = qs.filter(status=status)
    if member_id:
        qs = qs.filter(user_id=member_id)
    rows, meta = paginate(qs, page, limit)
    return {"items": [_out(s) for s in rows], "meta": meta}


@router.get("/{membership_id}/", response={200: MembershipOut, **ERRORS_404}, summary="One membership")
def get_membership(request, membership_id: DbId):
    require(request, "memberships:read")
    sub = _subscriptions().filter(pk=membership_id).first()
    if sub is None:
        raise not_found(_("membership"))
    return _out(sub)
