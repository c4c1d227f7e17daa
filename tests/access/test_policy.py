"""The access policy as a pure function: every reason, every boundary, no database."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.access.policy import (
    ANONYMOUS,
    FULL_REASONS,
    GiftPass,
    GrantSpan,
    Meter,
    Reader,
    Reason,
    decide,
)

NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
MONTH = date(2026, 11, 1)


@dataclass(frozen=True)
class Article:
    pk: int
    effective_access_level: str


PUBLIC, MEMBERS, PREMIUM = Article(1, "public"), Article(2, "members"), Article(3, "premium")
OTHER_PREMIUM = Article(4, "premium")


def member(*grants, reads=(), staff=False, month=MONTH):
    return Reader(
        user_id=7,
        is_staff=staff,
        grants=tuple(grants),
        meter_month=month,
        metered_article_ids=frozenset(reads),
    )


def premium_grant(start=NOW - timedelta(days=1), end=NOW + timedelta(days=30), source="subscription"):
    return GrantSpan("premium", source, start, end)


def test_public_articles_are_for_everyone():
    for reader in (ANONYMOUS, member(), member(staff=True)):
        assert decide(reader, PUBLIC, NOW) == decide(ANONYMOUS, PUBLIC, NOW)
        assert decide(reader, PUBLIC, NOW).reason == Reason.PUBLIC


def test_members_articles_need_a_sign_in():
    assert decide(ANONYMOUS, MEMBERS, NOW).reason == Reason.SIGN_IN_REQUIRED
    assert not decide(ANONYMOUS, MEMBERS, NOW).full
    assert decide(member(), MEMBERS, NOW).reason == Reason.MEMBER


def test_staff_read_everything():
    assert decide(member(staff=True), PREMIUM, NOW).reason == Reason.STAFF


def test_a_premium_grant_covering_now_makes_a_paying_member():
    assert decide(member(premium_grant()), PREMIUM, NOW).reason == Reason.PAYING
    assert decide(member(premium_grant(source="trial")), PREMIUM, NOW).reason == Reason.PAYING


@pytest.mark.parametrize(
    "grant",
    [
        premium_grant(end=NOW),  # ended at exactly now
        premium_grant(end=NOW - timedelta(seconds=1)),
        premium_grant(start=NOW + timedelta(seconds=1)),  # not begun
        GrantSpan("members", "complimentary", NOW - timedelta(days=1), None),  # wrong level
    ],
)
def test_grants_that_do_not_cover_now_give_nothing(grant):
    assert decide(member(grant), PREMIUM, NOW).reason == Reason.MEMBERSHIP_REQUIRED


def test_an_open_ended_grant_covers_any_later_time():
    grant = premium_grant(end=None)
    assert decide(member(grant), PREMIUM, NOW + timedelta(days=3650)).reason == Reason.PAYING


def test_anonymous_visitors_are_never_metered_into_premium_text():
    decision = decide(ANONYMOUS, PREMIUM, NOW, meter=Meter(10), month=MONTH)
    assert decision.reason == Reason.MEMBERSHIP_REQUIRED and not decision.full and not decision.consumes_meter


def test_the_meter_counts_down_and_then_stops():
    meter = Meter(3)
    first = decide(member(), PREMIUM, NOW, meter=meter, month=MONTH)
    assert first.full and first.consumes_meter and first.meter_remaining == 2
    last = decide(member(reads={10, 11}), PREMIUM, NOW, meter=meter, month=MONTH)
    assert last.full and last.consumes_meter and last.meter_remaining == 0
    used_up = decide(member(reads={10, 11, 12}), PREMIUM, NOW, meter=meter, month=MONTH)
    assert used_up.reason == Reason.METER_USED_UP and not used_up.full


def test_an_article_already_read_this_month_is_not_counted_again():
    decision = decide(member(reads={3, 10, 11}), PREMIUM, NOW, meter=Meter(3), month=MONTH)
    assert decision.full and decision.reason == Reason.METERED and not decision.consumes_meter


def test_last_months_reads_do_not_count_this_month():
    decision = decide(
        member(reads={10, 11, 12}, month=date(2026, 10, 1)), PREMIUM, NOW, meter=Meter(3), month=MONTH
    )
    assert decision.full and decision.consumes_meter


def test_a_meter_of_zero_turns_metering_off():
    assert decide(member(), PREMIUM, NOW, meter=Meter(0), month=MONTH).reason == Reason.MEMBERSHIP_REQUIRED


def test_a_gift_opens_only_its_own_article_and_spends_no_meter():
    gift = GiftPass(article_id=PREMIUM.pk)
    assert decide(ANONYMOUS, PREMIUM, NOW, gift=gift).reason == Reason.GIFT
    assert not decide(ANONYMOUS, OTHER_PREMIUM, NOW, gift=gift).full
    used_up = member(reads={10, 11, 12})
    decision = decide(used_up, PREMIUM, NOW, meter=Meter(3), gift=gift, month=MONTH)
    assert decision.reason == Reason.GIFT and not decision.consumes_meter


readers = st.builds(
    Reader,
    user_id=st.one_of(st.none(), st.integers(1, 5)),
    is_staff=st.booleans(),
    grants=st.lists(
        st.builds(
            GrantSpan,
            level=st.sampled_from(["members", "premium"]),
            source=st.sampled_from(
                ["subscription", "trial", "complimentary", "gift_membership", "group_seat"]
            ),
            starts_at=st.datetimes(
                # hypothesis takes naive bounds and adds the zone itself (DTZ001 does not apply).
                min_value=datetime(2025, 1, 1),  # noqa: DTZ001
                max_value=datetime(2027, 1, 1),  # noqa: DTZ001
                timezones=st.just(UTC),
            ),
            ends_at=st.one_of(
                st.none(),
                st.datetimes(
                    min_value=datetime(2025, 1, 2),  # noqa: DTZ001
                    max_value=datetime(2028, 1, 1),  # noqa: DTZ001
                    timezones=st.just(UTC),
                ),
            ),
        ),
        max_size=3,
    ).map(tuple),
    meter_month=st.just(MONTH),
    metered_article_ids=st.frozensets(st.integers(1, 20), max_size=6),
)


@given(
    reader=readers,
    level=st.sampled_from(["public", "members", "premium"]),
    limit=st.integers(0, 5),
    gift_for=st.one_of(st.none(), st.integers(1, 20)),
)
def test_the_policy_is_consistent_for_any_reader(reader, level, limit, gift_for):
    article = Article(3, level)
    gift = GiftPass(gift_for) if gift_for else None
    decision = decide(reader, article, NOW, meter=Meter(limit), gift=gift, month=MONTH)
    assert decision.full == (decision.reason in FULL_REASONS)
    if level == "public":
        assert decision.full
    is_anonymous = reader.user_id is None and not reader.is_staff
    if level == "premium" and decision.full:
        assert reader.is_staff or reader.is_paying(NOW) or (gift_for == 3) or (not is_anonymous and limit > 0)
    if decision.consumes_meter:
        assert reader.user_id is not None and level == "premium" and limit > len(reader.metered_article_ids)
    # Deciding twice gives the same answer: the function has no side effects.
    assert decision == decide(reader, article, NOW, meter=Meter(limit), gift=gift, month=MONTH)
