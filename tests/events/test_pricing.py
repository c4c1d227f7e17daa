"""pricing.quote: every combination of member / non-member, sale phase and promo code.

The table lists, for a $100.00 ticket with a 20 % member discount and a week's early access,
what each buyer pays (or why they may not buy) in each phase with each kind of code.
"""

from datetime import UTC, datetime, timedelta

import pytest

from masthead.events.pricing import PromoTerms, Terms, percent_off, quote, sale_phase

SALE = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)
TERMS = Terms(
    price=10000,
    currency="USD",
    sale_starts=SALE,
    sale_ends=SALE + timedelta(days=20),
    member_discount_percent=20,
    early_access_hours=24 * 7,
)
PHASES = {
    "before": SALE - timedelta(days=8),
    "presale": SALE - timedelta(days=2),
    "public": SALE + timedelta(days=1),
    "ended": SALE + timedelta(days=21),
}
CODES = {
    "none": None,
    "pct10": PromoTerms(code="P10", kind="percent", value=10),
    "pct10+": PromoTerms(code="P10C", kind="percent", value=10, combinable=True),
    "pct30": PromoTerms(code="P30", kind="percent", value=30),
    "fixed15": PromoTerms(code="F15", kind="fixed", value=1500),
    "fixed15+": PromoTerms(code="F15C", kind="fixed", value=1500, combinable=True),
    "expired": PromoTerms(code="OLD", kind="percent", value=50, expires_at=SALE - timedelta(days=30)),
    "used_up": PromoTerms(code="GONE", kind="percent", value=50, uses_left=0),
}
# (member?, phase) → expected price, or refusal, per code
ON_SALE = {
    # non-member: the code alone
    False: {"none": 10000, "pct10": 9000, "pct10+": 9000, "pct30": 7000, "fixed15": 8500, "fixed15+": 8500},
    # member: 8000; a non-combinable code only if it is better; a combinable one on top
    True: {"none": 8000, "pct10": 8000, "pct10+": 7200, "pct30": 7000, "fixed15": 8000, "fixed15+": 6500},
}


def expected(member, phase, code):
    if phase == "ended":
        return "sale_ended"
    if phase == "before":
        return "not_yet_on_sale"
    if phase == "presale" and not member:
        return "members_presale"
    if code == "expired":
        return "code_expired"
    if code == "used_up":
        return "code_used_up"
    return ON_SALE[member][code]


@pytest.mark.parametrize("code", list(CODES))
@pytest.mark.parametrize("phase", list(PHASES))
@pytest.mark.parametrize("member", [False, True], ids=["non-member", "member"])
def test_every_combination(member, phase, code):
    q = quote(TERMS, member=member, promo=CODES[code], now=PHASES[phase])
    want = expected(member, phase, code)
    if isinstance(want, str):
        assert q.refusal == want
    else:
        assert q.ok, q.refusal
        assert q.unit_price == want
    # Whatever the buyer, the page can show both prices and the saving.
    assert (q.public_price, q.member_price, q.member_saving) == (10000, 8000, 2000)


def test_phases_follow_the_early_access_window():
    assert [sale_phase(TERMS, now=t) for t in PHASES.values()] == list(PHASES)
    assert sale_phase(TERMS, now=SALE - timedelta(hours=24 * 7)) == "presale"
    assert sale_phase(TERMS, now=SALE - timedelta(hours=24 * 7, seconds=1)) == "before"
    no_presale = Terms(price=100, currency="USD", sale_starts=SALE, sale_ends=SALE + timedelta(days=1))
    assert sale_phase(no_presale, now=SALE - timedelta(seconds=1)) == "before"


@pytest.mark.parametrize("member", [False, True])
def test_members_only_tickets(member):
    terms = Terms(
        price=5000, currency="USD", sale_starts=SALE, sale_ends=SALE + timedelta(days=1), members_only=True
    )
    q = quote(terms, member=member, now=SALE + timedelta(hours=1))
    assert q.ok is member
    assert q.refusal == ("" if member else "members_only")


@pytest.mark.parametrize("member", [False, True])
@pytest.mark.parametrize("code", ["none", "pct30", "fixed15+"])
def test_free_tickets_stay_free(member, code):
    terms = Terms(
        price=0,
        currency="USD",
        sale_starts=SALE,
        sale_ends=SALE + timedelta(days=1),
        member_discount_percent=20,
    )
    q = quote(terms, member=member, promo=CODES[code], now=SALE)
    assert q.ok and q.unit_price == 0 and q.member_saving == 0


def test_a_fixed_code_never_makes_a_price_negative():
    terms = Terms(price=1000, currency="USD", sale_starts=SALE, sale_ends=SALE + timedelta(days=1))
    q = quote(terms, member=False, promo=PromoTerms(code="BIG", kind="fixed", value=5000), now=SALE)
    assert q.unit_price == 0


def test_percentages_round_half_up_to_the_minor_unit():
    assert percent_off(999, 15) == 849  # 149.85 off → 150
    assert percent_off(1001, 50) == 500  # 500.5 off → 501
    assert percent_off(10000, 0) == 10000
