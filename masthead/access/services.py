"""Operations that change who may read what: grants, metered reads, gift links.

Each is one function: check state, lock what it changes inside a transaction, save, audit.
Billing, groups and gifts create grants only through grant_create/grant_end.
"""

import hashlib
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from masthead.core.audit import audit

from .errors import AccessRefused
from .models import GiftLink, GiftRead, Grant, Level, MeterRead, Source
from .policy import PREMIUM, GiftPass
from .readers import current_month, load_reader

# --- Grants -----------------------------------------------------------------------------------


def grant_create(
    *, user, level, source, starts_at=None, ends_at=None, source_ref="", reason="", actor=None, now=None
):
    """Give `user` the right to read at `level` from `starts_at` (default now) until `ends_at`.

    The inverse is grant_end; if you add a way to create grants, make sure it can be ended.
    """
    now = now or timezone.now()
    starts_at = starts_at or now
    if ends_at is not None and ends_at <= starts_at:
        raise AccessRefused("grant.ends_before_start")
    with transaction.atomic():
        grant = Grant.objects.create(
            user=user,
            level=level,
            source=source,
            source_ref=source_ref,
            starts_at=starts_at,
            ends_at=ends_at,
            reason=reason,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        audit(
            "access.grant.created",
            actor=actor,
            member=user,
            target=grant,
            reason=reason,
            now=now,
            level=level,
            source=source,
            starts_at=starts_at.isoformat(),
            ends_at=ends_at.isoformat() if ends_at else None,
        )
    return grant


def grant_end(*, grant, actor=None, reason="", now=None):
    """End `grant` now (the inverse of grant_create). A grant already over is left as it is."""
    now = now or timezone.now()
    with transaction.atomic():
        grant = Grant.objects.select_for_update().get(pk=grant.pk)
        if grant.ends_at is not None and grant.ends_at <= now:
            return grant
        grant.ends_at = max(now, grant.starts_at + timedelta(microseconds=1))
        grant.save(update_fields=["ends_at"])
        audit("access.grant.ended", actor=actor, member=grant.user, target=grant, reason=reason, now=now)
    return grant


def grant_reschedule(*, grant, starts_at, ends_at, actor=None, reason="", now=None):
    """Move or shorten a grant that has not ended, without rewriting the past: a start already
    reached stays, no end is set before `now`. Billing uses it when a refunded prepaid period
    ends early and the periods stacked after it move earlier. An upcoming grant whose new end is
    not after its start is voided: it ends a microsecond after it starts (grants are kept, never
    deleted, as grant_end keeps them)."""
    now = now or timezone.now()
    tick = timedelta(microseconds=1)
    with transaction.atomic():
        grant = Grant.objects.select_for_update().get(pk=grant.pk)
        if grant.ends_at is not None and grant.ends_at <= now:
            return grant
        new_start = max(starts_at, now) if grant.starts_at > now else grant.starts_at
        new_end = None if ends_at is None else max(ends_at, now, new_start + tick)
        if (new_start, new_end) == (grant.starts_at, grant.ends_at):
            return grant
        before = (grant.starts_at, grant.ends_at)
        grant.starts_at, grant.ends_at = new_start, new_end
        grant.save(update_fields=["starts_at", "ends_at"])
        audit(
            "access.grant.rescheduled",
            actor=actor,
            member=grant.user,
            target=grant,
            reason=reason,
            now=now,
            previous_starts_at=before[0].isoformat(),
            previous_ends_at=before[1].isoformat() if before[1] else None,
            starts_at=new_start.isoformat(),
            ends_at=new_end.isoformat() if new_end else None,
        )
    return grant


def grant_complimentary(*, user, ends_at, actor, reason, level=Level.PREMIUM, now=None):
    """Staff give a member free access until `ends_at` (required: complimentary access always ends)."""
    now = now or timezone.now()
    if ends_at <= now:
        raise AccessRefused("grant.ends_in_past")
    return grant_create(
        user=user,
        level=level,
        source=Source.COMPLIMENTARY,
        ends_at=ends_at,
        reason=reason,
        actor=actor,
        now=now,
    )


def grant_ensure(*, user, level, source, source_ref, ends_at, reason="", actor=None, now=None):
    """Make `user`'s current grants with `source_ref` exactly one at `level` ending at `ends_at`
    (e.g. complimentary access brought by an import). Safe to run twice: an identical grant is
    left alone; a different one is ended and replaced. Returns the grant, or None when
    `ends_at` has passed (then the member keeps no current grant with that ref)."""
    now = now or timezone.now()
    with transaction.atomic():
        current = list(
            Grant.objects.select_for_update().filter(user=user, source_ref=source_ref).current(now)
        )
        if ends_at is not None and ends_at <= now:
            for grant in current:
                grant_end(grant=grant, actor=actor, reason=reason, now=now)
            return None
        for grant in current:
            if grant.level == level and grant.source == source and grant.ends_at == ends_at:
                return grant
        for grant in current:
            grant_end(grant=grant, actor=actor, reason=reason, now=now)
        return grant_create(
            user=user,
            level=level,
            source=source,
            source_ref=source_ref,
            ends_at=ends_at,
            reason=reason,
            actor=actor,
            now=now,
        )


# --- Metered reading --------------------------------------------------------------------------


def meter_record_read(*, user, article, limit, now=None):
    """Count `article` against `user`'s meter this month, if the meter allows. Returns True if
    the read is (or already was) counted, False if the meter is used up.

    Safe to call twice or concurrently: the user row is locked (PostgreSQL; SQLite serialises
    writers) and a unique (user, month, article) row means an article counts once a month.
    """
    now = now or timezone.now()
    month = current_month(now)
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        reads = MeterRead.objects.filter(user=user, month=month)
        # A translation read this month already counts for this article (one read per story).
        if reads.filter(article__translation_key=article.translation_key).exists():
            return True
        if reads.count() >= limit:
            return False
        try:
            with transaction.atomic():
                MeterRead.objects.create(user=user, article=article, month=month, created_at=now)
        except IntegrityError:
            return True
    return True


# --- Gift links -------------------------------------------------------------------------------


def gift_link_create(*, article, user, settings, now=None):
    """A paying member (or staff) shares one premium article. Raises AccessRefused with a reason."""
    now = now or timezone.now()
    if article.effective_access_level != PREMIUM:
        raise AccessRefused("gift.not_premium")
    if not user.is_staff:
        if not load_reader(user, now).is_paying(now):
            raise AccessRefused("gift.not_paying")
        month_start = timezone.localtime(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        made = GiftLink.objects.filter(created_by=user, created_at__gte=month_start).count()
        if made >= settings.gift_links_per_month:
            raise AccessRefused("gift.monthly_limit", limit=settings.gift_links_per_month)
    with transaction.atomic():
        link = GiftLink.objects.create(
            article=article,
            created_by=user,
            created_at=now,
            expires_at=now + timedelta(days=settings.gift_link_days),
            max_reads=settings.gift_link_reads,
        )
        audit(
            "access.gift_link.created", actor=user, member=user, target=link, now=now, article_id=article.pk
        )
    return link


def gift_link_revoke(*, link, actor, now=None):
    """Withdraw a gift link (the inverse of gift_link_create). Readers who opened it keep nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        link = GiftLink.objects.select_for_update().get(pk=link.pk)
        if link.revoked_at:
            return link
        link.revoked_at, link.revoked_by = now, actor
        link.save(update_fields=["revoked_at", "revoked_by"])
        audit("access.gift_link.revoked", actor=actor, member=link.created_by, target=link, now=now)
    return link


def reader_key_for(*, user=None, session_key=None):
    """Who opened a gift link, without storing a session key: a member, or a hashed session."""
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return "session:" + hashlib.sha256((session_key or "").encode()).hexdigest()[:40]


def gift_link_open(*, token, reader_key, user=None, now=None):
    """Validate a gift link for one reader and count them once. Returns (GiftLink, GiftPass).

    A reader who opened the link before comes back freely; a new reader is counted if the link
    still admits readers. Raises AccessRefused for a forged, expired, revoked or used-up link.
    """
    now = now or timezone.now()
    link = GiftLink.objects.select_related("article").filter(token=token).first() if token else None
    if link is None:
        raise AccessRefused("gift.not_found")
    if link.revoked_at:
        raise AccessRefused("gift.revoked")
    if link.expires_at <= now:
        raise AccessRefused("gift.expired")
    if not link.article.live:
        raise AccessRefused("gift.article_unavailable")
    story = link.article.translation_key  # the pass opens the article's translations too
    with transaction.atomic():
        link = GiftLink.objects.select_for_update().get(pk=link.pk)
        if not GiftRead.objects.filter(link=link, reader_key=reader_key).exists():
            if link.read_count >= link.max_reads:
                raise AccessRefused("gift.used_up")
            GiftRead.objects.create(
                link=link,
                reader_key=reader_key,
                user=user if getattr(user, "pk", None) else None,
                created_at=now,
            )
            GiftLink.objects.filter(pk=link.pk).update(read_count=F("read_count") + 1)
    return link, GiftPass(article_id=link.article_id, access_key=story)
