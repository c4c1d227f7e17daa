"""The access policy: for (reader, article, now), full text or preview, and why.

`decide` is the one place that says who may read what. It is a pure function of data already
loaded (see readers.load_reader): no queries, no side effects, the time is a parameter. Every
channel asks it — the article page, feeds, search snippets, gift links, the API, newsletters.
What a reader then *sees* for each reason (the call to action, the meter notice) lives in
prompts.py, in one table.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

PUBLIC, MEMBERS, PREMIUM = "public", "members", "premium"


class Reason(StrEnum):
    # Full text
    PUBLIC = "public"  # the article is free to all
    STAFF = "staff"  # newsroom staff read everything
    PAYING = "paying"  # a premium grant covers now
    MEMBER = "member"  # any signed-in member, on a members-level article
    METERED = "metered"  # a free member's metered read (new or already counted this month)
    GIFT = "gift"  # a valid gift link for this article
    # Preview
    SIGN_IN_REQUIRED = "sign_in_required"  # a members-level article, read anonymously
    MEMBERSHIP_REQUIRED = "membership_required"  # premium, and no meter to spend
    METER_USED_UP = "meter_used_up"  # premium, and this month's free articles are spent


FULL_REASONS = {Reason.PUBLIC, Reason.STAFF, Reason.PAYING, Reason.MEMBER, Reason.METERED, Reason.GIFT}


def grant_covers(starts_at, ends_at, now):
    """The one definition of "a grant covers `now`": it has started and has not ended (no end:
    open-ended). Grant.covers and GrantSpan.covers use it; its SQL twin, for querysets, is
    access.models.GrantQuerySet.current."""
    return starts_at <= now and (ends_at is None or ends_at > now)


@dataclass(frozen=True)
class GrantSpan:
    level: str
    source: str
    starts_at: datetime
    ends_at: datetime | None

    def covers(self, now):
        return grant_covers(self.starts_at, self.ends_at, now)


@dataclass(frozen=True)
class Reader:
    """What the policy knows about whoever is reading. Build it with readers.load_reader."""

    user_id: int | None = None
    is_staff: bool = False
    grants: tuple[GrantSpan, ...] = ()
    # The metered reads of `meter_month` (first day of the month, newsroom time zone), as access
    # keys (access_key): a translated pair is one key, so reading both versions counts once.
    meter_month: date | None = None
    metered_article_ids: frozenset = field(default_factory=frozenset)

    @property
    def is_member(self):
        return self.user_id is not None

    def has_level(self, level, now):
        return any(grant.level == level and grant.covers(now) for grant in self.grants)

    def is_paying(self, now):
        """DESIGN.md: "is paying" means a premium grant covering now."""
        return self.has_level(PREMIUM, now)

    @property
    def had_trial(self):
        return any(grant.source == "trial" for grant in self.grants)


ANONYMOUS = Reader()


@dataclass(frozen=True)
class Meter:
    """Metered reading: signed-in free members may read `limit` premium articles a month (0: off)."""

    limit: int = 0


@dataclass(frozen=True)
class GiftPass:
    """A gift link already validated and counted (access.services.gift_link_open) for one article
    and, through `access_key`, its translations."""

    article_id: int
    access_key: object = None


def access_key(content):
    """What access is granted and metered for: an article's translation group (issue 20: the
    English and Chinese versions of a story are one read, one gift), else the content's pk."""
    return getattr(content, "access_key", None) or content.pk


@dataclass(frozen=True)
class Decision:
    full: bool
    reason: Reason
    # A metered read that must be recorded before the text is shown.
    consumes_meter: bool = False
    # Free premium articles left this month after this read (metered readers only).
    meter_remaining: int | None = None
    meter_limit: int | None = None


def month_of(local_date):
    return local_date.replace(day=1)


def decide(reader, content, now, *, meter=None, gift=None, month=None):
    """Full text or preview for `reader` reading `content` at `now`, and why.

    `content` needs `pk` and `effective_access_level`. `month` is the first day of now's month in
    the newsroom's time zone (readers.current_month(now)); the meter only counts reads recorded
    for that month.
    """
    level = content.effective_access_level
    if level == PUBLIC:
        return Decision(True, Reason.PUBLIC)
    if reader.is_staff:
        return Decision(True, Reason.STAFF)
    if reader.is_paying(now):
        return Decision(True, Reason.PAYING)
    if level == MEMBERS and (reader.is_member or reader.has_level(MEMBERS, now)):
        return Decision(True, Reason.MEMBER)
    if gift is not None and (
        gift.article_id == content.pk
        or (gift.access_key is not None and gift.access_key == access_key(content))
    ):
        # A gift read never touches the recipient's meter.
        return Decision(True, Reason.GIFT)
    if level == MEMBERS:
        return Decision(False, Reason.SIGN_IN_REQUIRED)

    # Premium, read by someone who does not pay.
    limit = (meter or Meter()).limit
    if not reader.is_member or limit <= 0:
        # Anonymous visitors are never metered into premium text.
        return Decision(False, Reason.MEMBERSHIP_REQUIRED, meter_limit=limit)
    used = reader.metered_article_ids if month is not None and reader.meter_month == month else frozenset()
    if access_key(content) in used:
        return Decision(True, Reason.METERED, meter_remaining=max(0, limit - len(used)), meter_limit=limit)
    if len(used) < limit:
        return Decision(
            True,
            Reason.METERED,
            consumes_meter=True,
            meter_remaining=limit - len(used) - 1,
            meter_limit=limit,
        )
    return Decision(False, Reason.METER_USED_UP, meter_remaining=0, meter_limit=limit)


# --- Access variants: the page cache's view of a reader ------------------------------------
# Pages that differ only by these are cached once per variant (core.pagecache, with the signed
# entitlement of core.entitlement). Which variant a reader is in is decided here, beside
# `decide`, so the two cannot disagree.
VARIANT_ANONYMOUS, VARIANT_MEMBER, VARIANT_PAYING, VARIANT_STAFF = "anonymous", "member", "paying", "staff"

# Reasons whose page is the same for every reader of a variant. Metered reads, gift reads and
# previews (whose call to action depends on the member's history) are rendered per request.
VARIANT_REASONS = {Reason.PUBLIC, Reason.PAYING, Reason.MEMBER}


def variant(reader, now):
    if reader.is_staff:
        return VARIANT_STAFF
    if not reader.is_member:
        return VARIANT_ANONYMOUS
    return VARIANT_PAYING if reader.is_paying(now) else VARIANT_MEMBER


def variant_holds_until(reader, now):
    """The next moment a grant starts or ends (when `variant` may change), or None."""
    moments = [
        moment
        for grant in reader.grants
        for moment in (grant.starts_at, grant.ends_at)
        if moment is not None and moment > now
    ]
    return min(moments) if moments else None
