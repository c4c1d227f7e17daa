"""What a ticket costs this buyer now, and whether they may buy it: the one place prices are made.

`quote(terms, member=..., promo=..., now=...)` is a pure function of data already loaded — the
ticket type's terms (with its event's member benefits), whether the buyer is a paying member
(the access app says so; see selectors.buyer_is_member), the promo code they typed, and the
time. The event page, the order form, the order itself and the tests all ask it.

Rules, in order:
- A ticket type is on sale to the public from `sale_starts` until `sale_ends` (default: the
  event's start). Paying members may buy `early_access_hours` before the public ("presale").
- A members-only ticket type is never sold to non-members.
- Members pay `member_discount_percent` less. A promo code takes a percentage or a fixed amount
  off each ticket; if it is combinable it applies on top of the member price, otherwise a member
  gets whichever of the two is cheaper. Free tickets stay free.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from masthead.billing.money import percent_of


@dataclass(frozen=True)
class Terms:
    price: int  # minor units
    currency: str
    sale_starts: datetime
    sale_ends: datetime
    members_only: bool = False
    member_discount_percent: int = 0
    early_access_hours: int = 0

    @property
    def presale_starts(self):
        return self.sale_starts - timedelta(hours=self.early_access_hours)


@dataclass(frozen=True)
class PromoTerms:
    code: str
    kind: str  # "percent" | "fixed"
    value: int
    expires_at: datetime | None = None
    uses_left: int | None = None  # None: unlimited
    combinable: bool = False


# Refusals: every reason a buyer may not buy maps to one message (errors.MESSAGES).
NOT_YET_ON_SALE = "not_yet_on_sale"
MEMBERS_PRESALE = "members_presale"
MEMBERS_ONLY = "members_only"
SALE_ENDED = "sale_ended"
CODE_EXPIRED = "code_expired"
CODE_USED_UP = "code_used_up"


@dataclass(frozen=True)
class Quote:
    unit_price: int  # what this buyer pays per ticket
    public_price: int  # the list price
    member_price: int  # the list price for paying members (== public_price without a discount)
    currency: str
    refusal: str = ""  # empty: this buyer may buy now
    member_price_applied: bool = False
    code_applied: bool = False

    @property
    def ok(self):
        return not self.refusal

    @property
    def member_saving(self):
        """What a paying member saves per ticket, before any code."""
        return self.public_price - self.member_price


def percent_off(amount, percent):
    """`amount` less `percent` %, the discount rounded as billing rounds it (money.percent_of)."""
    return amount - percent_of(amount, percent)


def _with_code(amount, promo):
    if promo.kind == "percent":
        return percent_off(amount, min(promo.value, 100))
    return max(0, amount - promo.value)


def sale_phase(terms, *, now):
    """ "before", "presale" (members only), "public" or "ended"."""
    if now >= terms.sale_ends:
        return "ended"
    if now >= terms.sale_starts:
        return "public"
    if terms.early_access_hours and now >= terms.presale_starts:
        return "presale"
    return "before"


def quote(terms, *, member, promo=None, now):
    public = terms.price
    member_price = (
        percent_off(public, terms.member_discount_percent) if terms.member_discount_percent else public
    )
    refusal = ""
    phase = sale_phase(terms, now=now)
    if phase == "ended":
        refusal = SALE_ENDED
    elif phase == "before":
        refusal = NOT_YET_ON_SALE
    elif terms.members_only and not member:
        refusal = MEMBERS_ONLY
    elif phase == "presale" and not member:
        refusal = MEMBERS_PRESALE
    elif promo is not None and promo.expires_at is not None and now >= promo.expires_at:
        refusal = CODE_EXPIRED
    elif promo is not None and promo.uses_left is not None and promo.uses_left <= 0:
        refusal = CODE_USED_UP

    unit, member_applied, code_applied = public, False, False
    if member and member_price < public:
        unit, member_applied = member_price, True
    if promo is not None and not refusal and public > 0:
        if member_applied and promo.combinable:
            unit, code_applied = _with_code(member_price, promo), True
        else:
            with_code = _with_code(public, promo)
            if with_code < unit:
                unit, member_applied, code_applied = with_code, False, True
    return Quote(
        unit_price=unit,
        public_price=public,
        member_price=member_price,
        currency=terms.currency,
        refusal=refusal,
        member_price_applied=member_applied,
        code_applied=code_applied,
    )


def terms_for(ticket_type, event):
    """The Terms of a TicketType, with its event's member benefits."""
    return Terms(
        price=ticket_type.price,
        currency=ticket_type.currency.upper(),
        sale_starts=ticket_type.sale_starts_at,
        sale_ends=min(ticket_type.sale_ends_at or event.starts_at, event.starts_at),
        members_only=ticket_type.members_only,
        member_discount_percent=event.member_discount_percent,
        early_access_hours=event.member_early_access_hours,
    )


def promo_terms(promo, *, used):
    return PromoTerms(
        code=promo.code,
        kind=promo.kind,
        value=promo.value,
        expires_at=promo.expires_at,
        uses_left=None if promo.max_uses is None else promo.max_uses - used,
        combinable=promo.combinable_with_member_price,
    )
