"""Turn a subscription's state into premium grants (the only thing the paywall reads).

`sync_subscription_access` is idempotent: it compares what the subscription should give now
with the subscription's open grant and only ends/creates grants when they differ, so calling it
after every event, in any order, converges on the same access.
"""

from django.db.models import Max

from masthead.access.models import Grant
from masthead.access.services import grant_create, grant_end

from .lifecycle import access_for
from .models import Group


def grant_ref(subscription):
    return f"subscription:{subscription.pk}"


def open_grants(ref, now):
    return Grant.objects.filter(source_ref=ref).current(now) | Grant.objects.filter(
        source_ref=ref, starts_at__gt=now
    )


def sync_grants(*, user, ref, access, now, actor=None, reason=""):
    """Make `user`'s grants with `ref` match `access` (an lifecycle.Access or None)."""
    grants = list(open_grants(ref, now).order_by("starts_at"))
    wanted_end = access.ends_at if access else None
    if access is not None and (wanted_end is None or wanted_end > now):
        if len(grants) == 1 and grants[0].source == access.source and grants[0].ends_at == wanted_end:
            return grants[0]
        for grant in grants:
            grant_end(grant=grant, actor=actor, reason=reason or "membership changed", now=now)
        # A new grant continues where this subscription's last one ended (a trial, a period
        # before a renewal), so grants never overlap and the history says which access covered
        # when (reports count trials and paid access from it). The first one starts with the
        # subscription.
        last_end = Grant.objects.filter(source_ref=ref, ends_at__lte=now).aggregate(end=Max("ends_at"))["end"]
        starts = now if grants else max(min(access.starts_at, now), last_end or access.starts_at)
        return grant_create(
            user=user,
            level="premium",
            source=access.source,
            source_ref=ref,
            starts_at=starts,
            ends_at=wanted_end,
            reason=reason,
            actor=actor,
            now=now,
        )
    for grant in grants:
        grant_end(grant=grant, actor=actor, reason=reason or "membership ended", now=now)
    return None


def sync_subscription_access(subscription, *, grace_days, now, actor=None, reason=""):
    if subscription.user_id is None:
        return None
    access = access_for(subscription, grace_days=grace_days, now=now)
    grant = sync_grants(
        user=subscription.user,
        ref=grant_ref(subscription),
        access=access,
        now=now,
        actor=actor,
        reason=reason,
    )
    # Seats in a group follow the group's subscription.

    group = Group.objects.filter(subscription=subscription).first()
    if group is not None:
        from .groups import sync_group_seats

        sync_group_seats(group, now=now, access=access)
    return grant
