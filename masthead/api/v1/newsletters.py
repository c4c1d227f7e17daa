"""Newsletters and their subscribers. Scope `newsletters:read` / `newsletters:write`.

Subscribing goes through the newsletters app's services (a member's subscriber row, then the
subscription); the audience is still checked when an issue is sent, as for any subscriber.
"""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from masthead.newsletters.models import Newsletter, Subscription
from masthead.newsletters.services import newsletter_subscribe, newsletter_unsubscribe, subscriber_for_user

from .base import ERRORS, ERRORS_404, DbId, PageMeta, not_found, paginate, require

router = Router(tags=["newsletters"])


class NewsletterOut(Schema):
    id: int
    name: str
    slug: str
    description: str
    audience: str
    active: bool
    subscribers: int


class SubscriberOut(Schema):
    subscriber_id: int
    email: str
    name: str
    member_id: int | None
    confirmed: bool
    subscribed_at: datetime


class SubscriberList(Schema):
    items: list[SubscriberOut]
    meta: PageMeta


class SubscribeIn(Schema):
    member_id: int


class SubscribeOut(Schema):
    changed: bool


def _newsletter(newsletter_id):
    newsletter = Newsletter.objects.filter(pk=newsletter_id).first()
    if newsletter is None:
        raise not_found(_("newsletter"))
    return newsletter


@router.get("/", response={200: list[NewsletterOut], **ERRORS}, summary="All newsletters")
def list_newsletters(request):
    require(request, "newsletters:read")
    newsletters = Newsletter.objects.annotate(
        n=Count("subscriptions", filter=Q(subscriptions__ended_at__isnull=True))
    ).order_by("sort_order", "name")
    return [
        {
            "id": n.pk,
            "name": n.name,
            "slug": n.slug,
            "description": n.description,
            "audience": n.audience,
            "active": n.active,
            "subscribers": n.n,
        }
        for n in newsletters
    ]


@router.get(
    "/{newsletter_id}/subscribers/",
    response={200: SubscriberList, **ERRORS_404},
    summary="A newsletter's current subscribers",
)
def list_subscribers(
    request,
    newsletter_id: DbId,
    page: int = Query(1, ge=1, le=1_000_000),
    limit: int = Query(50, ge=1, le=100),
):
    require(request, "newsletters:read")
    newsletter = _newsletter(newsletter_id)
    qs = (
        Subscription.objects.filter(newsletter=newsletter, ended_at__isnull=True)
        .select_related("subscriber")
        .order_by("-started_at", "-pk")
    )
    rows, meta = paginate(qs, page, limit)
    items = [
        {
            "subscriber_id": s.subscriber_id,
            "email": s.subscriber.email,
            "name": s.subscriber.name,
            "member_id": s.subscriber.user_id,
            "confirmed": s.subscriber.confirmed_at is not None,
            "subscribed_at": s.started_at,
        }
        for s in rows
    ]
    return {"items": items, "meta": meta}


def _member(member_id):
    user = get_user_model().objects.filter(pk=member_id).first()
    if user is None:
        raise not_found(_("member"))
    return user


@router.post(
    "/{newsletter_id}/subscribers/",
    response={200: SubscribeOut, **ERRORS_404},
    summary="Subscribe a member (no change if already subscribed)",
)
def subscribe(request, newsletter_id: DbId, data: SubscribeIn):
    require(request, "newsletters:write")
    newsletter = _newsletter(newsletter_id)
    subscriber = subscriber_for_user(user=_member(data.member_id))
    return {"changed": newsletter_subscribe(subscriber=subscriber, newsletter=newsletter, source="api")}


@router.delete(
    "/{newsletter_id}/subscribers/{member_id}/",
    response={200: SubscribeOut, **ERRORS_404},
    summary="Unsubscribe a member (no change if not subscribed)",
)
def unsubscribe(request, newsletter_id: DbId, member_id: DbId):
    require(request, "newsletters:write")
    newsletter = _newsletter(newsletter_id)
    subscriber = subscriber_for_user(user=_member(member_id))
    return {"changed": newsletter_unsubscribe(subscriber=subscriber, newsletter=newsletter)}
