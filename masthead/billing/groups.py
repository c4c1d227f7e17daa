"""Group memberships: one payer's subscription with N seats, filled by invitation or email domain.

Seats follow the group's subscription: when it gives access, every active seat has a grant with
the same end; when it ends, they all end. Seats are counted under a lock, so the limit holds.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from masthead.core.audit import audit
from masthead.core.mail import send_on_commit

from .errors import BillingError
from .grant_sync import sync_grants
from .lifecycle import Access, access_for
from .models import Group, GroupSeat
from .settings import grace_days


def group_for_subscription(sub, *, now):
    """Every group-plan subscription has a group; its payer holds the first seat."""
    group, created = Group.objects.get_or_create(
        subscription=sub,
        defaults={
            "name": f"{sub.user.email}'s team" if sub.user else "Team",
            "owner": sub.user,
            "created_at": now,
        },
    )
    if created and sub.user is not None:
        GroupSeat.objects.create(
            group=group,
            email=sub.user.email,
            user=sub.user,
            state=GroupSeat.State.ACTIVE,
            created_at=now,
            joined_at=now,
        )
    return group


def seat_ref(seat):
    return f"seat:{seat.pk}"


def _seat_access(group, now):
    return access_for(group.subscription, grace_days=grace_days(), now=now)


def sync_group_seats(group, *, now, access=None):
    access = access if access is not None else _seat_access(group, now)
    for seat in (
        group.seats_taken.filter(state=GroupSeat.State.ACTIVE).exclude(user=None).select_related("user")
    ):
        if seat.user_id == group.owner_id:
            continue  # the owner's access comes from the subscription itself
        seat_access = None
        if access is not None:
            seat_access = Access("group_seat", access.starts_at, access.ends_at)
        sync_grants(
            user=seat.user, ref=seat_ref(seat), access=seat_access, now=now, reason=f"group {group.name}"
        )


def _used_seats(group):
    return group.seats_taken.exclude(state=GroupSeat.State.REMOVED).count()


def group_invite(*, group, email, actor, now=None):
    now = now or timezone.now()
    email = email.strip().lower()
    with transaction.atomic():
        group = Group.objects.select_for_update().select_related("subscription").get(pk=group.pk)
        if not group.subscription.is_live:
            raise BillingError("group_ended")
        if group.seats_taken.filter(email__iexact=email).exclude(state=GroupSeat.State.REMOVED).exists():
            raise BillingError("group_already_in")
        if _used_seats(group) >= group.seats:
            raise BillingError("group_full")
        seat = GroupSeat.objects.create(
            group=group, email=email, state=GroupSeat.State.INVITED, created_at=now
        )
        audit("billing.group.invited", actor=actor, member=group.owner, target=seat, now=now, email=email)
    url = settings.SITE_URL + reverse("billing:group_join_invite", args=[seat.token])
    send_on_commit("billing/email/group_invite", to=email, context={"group": group, "join_url": url})
    return seat


def _activate(group, seat, user, now):
    seat.user, seat.state, seat.joined_at = user, GroupSeat.State.ACTIVE, now
    seat.save(update_fields=["user", "state", "joined_at"])
    audit("billing.group.joined", actor=user, member=user, target=seat, now=now, group=group.name)
    sync_group_seats(group, now=now)
    return seat


def group_join_by_invite(*, token, user, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        seat = (
            GroupSeat.objects.select_for_update()
            .select_related("group__subscription")
            .filter(token=token)
            .first()
        )
        if seat is None or seat.state == GroupSeat.State.REMOVED:
            raise BillingError("group_invite_unknown")
        if not seat.group.subscription.is_live:
            raise BillingError("group_ended")
        if seat.state == GroupSeat.State.ACTIVE:
            return seat
        return _activate(seat.group, seat, user, now)


def group_join_by_domain(*, group, user, now=None):
    """Members whose verified address is at the group's domain may take a free seat."""
    now = now or timezone.now()
    with transaction.atomic():
        group = Group.objects.select_for_update().select_related("subscription").get(pk=group.pk)
        if not group.subscription.is_live:
            raise BillingError("group_ended")
        domain = group.allowed_domain.lower().lstrip("@")
        verified = (
            EmailAddress.objects.filter(user=user, verified=True, email__iendswith="@" + domain)
            if domain
            else None
        )
        if not domain or not verified.exists():
            raise BillingError("group_wrong_domain", domain=domain or "—")
        existing = group.seats_taken.filter(user=user).exclude(state=GroupSeat.State.REMOVED).first()
        if existing:
            return existing
        if _used_seats(group) >= group.seats:
            raise BillingError("group_full")
        seat = GroupSeat.objects.create(
            group=group, email=verified.first().email, state=GroupSeat.State.INVITED, created_at=now
        )
        return _activate(group, seat, user, now)


def group_remove(*, seat, actor, now=None):
    """Take a seat back: its member loses the group's access at once (the inverse of joining)."""
    now = now or timezone.now()
    with transaction.atomic():
        seat = GroupSeat.objects.select_for_update().select_related("group").get(pk=seat.pk)
        if seat.state == GroupSeat.State.REMOVED or seat.user_id == seat.group.owner_id and seat.user_id:
            return seat
        seat.state = GroupSeat.State.REMOVED
        seat.save(update_fields=["state"])
        if seat.user_id:
            sync_grants(
                user=seat.user,
                ref=seat_ref(seat),
                access=None,
                now=now,
                actor=actor,
                reason="removed from group",
            )
        audit(
            "billing.group.removed",
            actor=actor,
            member=seat.user,
            target=seat,
            now=now,
            group=seat.group.name,
        )
    return seat
