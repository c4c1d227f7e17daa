"""The subscription state machine on its own."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from masthead.billing import lifecycle as lc
from masthead.billing.models import Status

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def test_the_happy_path_trial_to_active_and_renewals():
    status = lc.next_status(None, lc.TRIAL_STARTED)
    assert status == Status.TRIALING
    status = lc.next_status(status, lc.PAID)
    assert status == Status.ACTIVE
    assert lc.next_status(status, lc.PAID) == Status.ACTIVE


def test_failed_payments_then_recovery_or_expiry():
    status = lc.next_status(Status.ACTIVE, lc.PAYMENT_FAILED)
    assert status == Status.PAST_DUE
    assert lc.next_status(status, lc.PAYMENT_FAILED) == Status.PAST_DUE
    assert lc.next_status(status, lc.PAID) == Status.ACTIVE
    assert lc.next_status(status, lc.GRACE_OVER) == Status.EXPIRED


def test_cancel_resume_and_period_end():
    canceled = lc.next_status(Status.ACTIVE, lc.CANCEL)
    assert canceled == Status.CANCELED
    assert lc.next_status(canceled, lc.RESUME) == Status.ACTIVE
    assert lc.next_status(canceled, lc.PERIOD_ENDED) == Status.EXPIRED
    assert lc.next_status(canceled, lc.RESUME_TRIAL) == Status.TRIALING


def test_staff_pause_and_complimentary():
    assert lc.next_status(Status.ACTIVE, lc.PAUSE) == Status.PAUSED
    assert lc.next_status(Status.PAUSED, lc.UNPAUSE) == Status.ACTIVE
    assert lc.next_status(None, lc.COMPLIMENTARY) == Status.COMPLIMENTARY
    assert lc.next_status(Status.COMPLIMENTARY, lc.PERIOD_ENDED) == Status.EXPIRED


@pytest.mark.parametrize(
    ("current", "event"),
    [
        (Status.EXPIRED, lc.PAID),
        (Status.EXPIRED, lc.RESUME),
        (Status.TRIALING, lc.RESUME),
        (Status.PAUSED, lc.PAID),
        (None, lc.CANCEL),
        (Status.ACTIVE, lc.UNPAUSE),
    ],
)
def test_impossible_transitions_are_refused(current, event):
    with pytest.raises(lc.InvalidTransition):
        lc.next_status(current, event)


def test_an_ended_subscription_never_comes_back():
    for target in (Status.ACTIVE, Status.TRIALING, Status.PAST_DUE, Status.CANCELED):
        assert not lc.allowed(Status.EXPIRED, target)


@pytest.mark.parametrize(
    ("state", "cancel", "expected"),
    [
        ("trialing", False, Status.TRIALING),
        ("trialing", True, Status.CANCELED),
        ("active", True, Status.CANCELED),
        ("past_due", False, Status.PAST_DUE),
        ("unpaid", False, Status.PAST_DUE),
        ("canceled", False, Status.EXPIRED),
        ("incomplete_expired", False, Status.EXPIRED),
        ("paused", False, Status.PAUSED),
        ("active", False, Status.ACTIVE),
    ],
)
def test_provider_states_map_to_ours(state, cancel, expected):
    assert lc.status_from_provider(state, cancel_at_period_end=cancel) == expected


def sub(**fields):
    base = dict(
        status=Status.ACTIVE,
        started_at=T0,
        trial_end=None,
        current_period_end=T0 + timedelta(days=30),
        past_due_since=None,
    )
    base.update(fields)
    return SimpleNamespace(**base)


def test_access_follows_the_status():
    now = T0 + timedelta(days=10)
    assert lc.access_for(
        sub(status=Status.TRIALING, trial_end=T0 + timedelta(days=14), current_period_end=None),
        grace_days=7,
        now=now,
    ).ends_at == T0 + timedelta(days=14)
    assert lc.access_for(sub(), grace_days=7, now=now).ends_at == T0 + timedelta(days=30)
    assert lc.access_for(sub(status=Status.CANCELED), grace_days=7, now=now).ends_at == T0 + timedelta(
        days=30
    )
    assert lc.access_for(sub(status=Status.EXPIRED), grace_days=7, now=now) is None
    assert lc.access_for(sub(status=Status.PAUSED), grace_days=7, now=now) is None


def test_a_failed_renewal_keeps_access_for_the_grace_period():
    failed_at = T0 + timedelta(days=30)
    access = lc.access_for(sub(status=Status.PAST_DUE, past_due_since=failed_at), grace_days=7, now=failed_at)
    assert access.ends_at == failed_at + timedelta(days=7) and access.source == "subscription"


def test_a_failed_first_charge_after_a_trial_ends_access_with_the_trial():
    trial_end = T0 + timedelta(days=14)
    access = lc.access_for(
        sub(status=Status.PAST_DUE, trial_end=trial_end, current_period_end=None, past_due_since=trial_end),
        grace_days=7,
        now=trial_end,
    )
    assert access.ends_at == trial_end
