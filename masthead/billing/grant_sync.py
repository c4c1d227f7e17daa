"""Premium grants from one source (a subscription, a group seat): make them match what that source
should give now. Below access_sync.py and groups.py, which both sync grants, and which call each
other's work in one direction only (a subscription's sync carries on to its group's seats).
"""

from django.db.models import Max

from masthead.access.models import Grant
from masthead.access.services import grant_create, grant_end


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
