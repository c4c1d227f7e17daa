"""Turn a subscription's state into premium grants (the only thing the paywall reads).

`sync_subscription_access` is idempotent: it compares what the subscription should give now
with the subscription's open grant and only ends/creates grants when they differ, so calling it
after every event, in any order, converges on the same access.
"""

from .grant_sync import grant_ref, open_grants, sync_grants  # noqa: F401
from .groups import sync_group_seats
from .lifecycle import access_for
from .models import Group


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
        sync_group_seats(group, now=now, access=access)
    return grant
