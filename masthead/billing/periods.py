"""Membership periods paid once — prepaid periods (prepaid.py) and claimed gifts (gifts.py) — and
the one rule they share: a period bought or claimed while another runs starts when the last one
ends, so paid days never overlap; and when a refund shortens one, those stacked after it move
earlier so no gap is left.

Both kinds stack on each other (a prepaid month bought during a gift starts after the gift):
they are the same thing to the reader, days of access already paid for. Their grants in `access`
carry the period's dates (`prepaid:<id>`, `gift:<id>`); moving a period moves its grant through
access.services, which bumps the member's entitlement version (access.entitlements).
"""

from django.db.models import Max

from masthead.access.models import Grant, Source
from masthead.access.services import grant_reschedule

from .models import GiftMembership, PrepaidMembership

STACKED_SOURCES = (Source.PREPAID, Source.GIFT_MEMBERSHIP)


def next_period_start(user, now):
    """When a period bought or claimed by `user` at `now` starts: the end of the last running or
    upcoming paid-once period (prepaid or gift), else `now`."""
    if user is None:
        return now
    ends = [
        PrepaidMembership.objects.holding()
        .filter(user=user, ends_at__gt=now)
        .aggregate(last=Max("ends_at"))["last"],
        GiftMembership.objects.filter(
            claimed_by=user, state=GiftMembership.State.CLAIMED, ends_at__gt=now
        ).aggregate(last=Max("ends_at"))["last"],
    ]
    return max([end for end in ends if end is not None], default=now)


def close_gap(*, user, after, shift, now, reason=""):
    """Move every paid-once period of `user` starting at or after `after` earlier by `shift` (a
    timedelta), with its grant: the member keeps exactly the days each was paid for, without a
    gap where the shortened one used to end. Only upcoming periods can start at or after `after`
    (the caller's period ran until then), so nothing already read is rewritten. Returns how many
    moved. Runs inside the caller's transaction; the rows are locked in start order."""
    if user is None or not shift:
        return 0
    moved = 0
    later = (
        Grant.objects.select_for_update()
        .filter(user=user, source__in=STACKED_SOURCES, starts_at__gte=after)
        .order_by("starts_at", "pk")
    )
    for grant in later:
        kind, _sep, pk = grant.source_ref.partition(":")
        if kind == "prepaid":
            period = PrepaidMembership.objects.holding().select_for_update().filter(pk=pk).first()
            if period is None:
                continue  # refunded in full before it started: nothing left to move
            period.starts_at -= shift
            period.ends_at -= shift
            period.save(update_fields=["starts_at", "ends_at"])
            starts, ends = period.starts_at, period.ends_at
        elif kind == "gift":
            gift = GiftMembership.objects.select_for_update().filter(pk=pk).first()
            if gift is None or gift.ends_at is None:
                continue
            gift.ends_at -= shift
            gift.save(update_fields=["ends_at"])
            starts, ends = grant.starts_at - shift, gift.ends_at
        else:
            continue
        grant_reschedule(grant=grant, starts_at=starts, ends_at=ends, reason=reason, now=now)
        moved += 1
    return moved
