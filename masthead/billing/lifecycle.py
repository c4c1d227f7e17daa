"""The subscription state machine, on its own: which status follows which, and what access each
status gives. Pure functions; services.py applies them and persists the result.

    trialing ──paid──▶ active ──payment failed──▶ past_due ──grace over──▶ expired
       │                 │  ▲                        │
       │                 │  └──────paid──────────────┘
       └──cancel──▶ canceled (access until the period ends) ──period ends──▶ expired
                                        └──resume──▶ active (or trialing, if the trial has not run out)
    active/past_due ──staff pause──▶ paused ──unpause──▶ active
    (none) ──staff──▶ complimentary ──ends──▶ expired

Our own actions (staff, test mode's renewals) must follow these steps (`next_status` refuses the
rest). A provider's snapshot need not: read late, it may skip steps we never heard of, and the
provider's state is the truth — events.apply_snapshot takes it and audits the jump as irregular
(`allowed` tells which).
"""

from dataclasses import dataclass
from datetime import timedelta

from .models import LIVE_STATUSES, Status

TRIAL_STARTED = "trial_started"
PAID = "paid"
PAYMENT_FAILED = "payment_failed"
CANCEL = "cancel"
RESUME = "resume"
RESUME_TRIAL = "resume_trial"  # resumed before a canceled trial ran out
PERIOD_ENDED = "period_ended"
GRACE_OVER = "grace_over"
PAUSE = "pause"
UNPAUSE = "unpause"
COMPLIMENTARY = "complimentary"
END = "end"  # ended at once: refunded, deleted, ended by the provider

NEW = None
TRANSITIONS = {
    (NEW, TRIAL_STARTED): Status.TRIALING,
    (NEW, PAID): Status.ACTIVE,
    (NEW, COMPLIMENTARY): Status.COMPLIMENTARY,
    (Status.TRIALING, PAID): Status.ACTIVE,
    (Status.TRIALING, PAYMENT_FAILED): Status.PAST_DUE,
    (Status.TRIALING, CANCEL): Status.CANCELED,
    (Status.ACTIVE, PAID): Status.ACTIVE,
    (Status.ACTIVE, PAYMENT_FAILED): Status.PAST_DUE,
    (Status.ACTIVE, CANCEL): Status.CANCELED,
    (Status.ACTIVE, PAUSE): Status.PAUSED,
    (Status.PAST_DUE, PAID): Status.ACTIVE,
    (Status.PAST_DUE, PAYMENT_FAILED): Status.PAST_DUE,
    (Status.PAST_DUE, GRACE_OVER): Status.EXPIRED,
    (Status.PAST_DUE, CANCEL): Status.CANCELED,
    (Status.PAST_DUE, PAUSE): Status.PAUSED,
    (Status.CANCELED, RESUME): Status.ACTIVE,
    (Status.CANCELED, RESUME_TRIAL): Status.TRIALING,
    (Status.CANCELED, PERIOD_ENDED): Status.EXPIRED,
    (Status.CANCELED, PAID): Status.CANCELED,
    (Status.PAUSED, UNPAUSE): Status.ACTIVE,
    (Status.COMPLIMENTARY, PERIOD_ENDED): Status.EXPIRED,
}
# Ending at once is possible from every live state.
for _state in LIVE_STATUSES:
    TRANSITIONS[(_state, END)] = Status.EXPIRED


class InvalidTransition(ValueError):
    def __init__(self, current, event):
        super().__init__(f"no transition from {current} on {event}")
        self.current, self.event = current, event


def next_status(current, event):
    try:
        return TRANSITIONS[(current, event)]
    except KeyError:
        raise InvalidTransition(current, event) from None


def allowed(current, target):
    """Can `current` become `target` through any single event (or stay)? Used for provider snapshots."""
    return current == target or any(
        to == target for (frm, _event), to in TRANSITIONS.items() if frm == current
    )


def status_from_provider(state, *, cancel_at_period_end):
    """Our status for a provider's normalised subscription state."""
    if state in ("canceled", "ended", "incomplete_expired"):
        return Status.EXPIRED
    if state == "incomplete":
        # Created but not paid yet: no access until the first payment succeeds.
        raise ValueError("an incomplete subscription has no status of ours yet")
    if cancel_at_period_end and state in ("trialing", "active", "past_due", "unpaid"):
        return Status.CANCELED
    if state in ("past_due", "unpaid"):
        return Status.PAST_DUE
    if state == "paused":
        return Status.PAUSED
    if state == "trialing":
        return Status.TRIALING
    return Status.ACTIVE


@dataclass(frozen=True)
class Access:
    """The premium access a subscription gives: from `starts_at` until `ends_at` (None: open)."""

    source: str
    starts_at: object
    ends_at: object


def access_for(sub, *, grace_days, now):
    """What access `sub` gives now, or None. Grace applies to paid periods, not to trials."""
    status = sub.status
    if status == Status.EXPIRED or status == Status.PAUSED:
        return None
    if status == Status.COMPLIMENTARY:
        return Access("complimentary", sub.started_at, sub.current_period_end)
    in_trial = sub.trial_end is not None and (
        sub.current_period_end is None or sub.current_period_end <= sub.trial_end
    )
    if status == Status.TRIALING or (status == Status.CANCELED and in_trial):
        return Access("trial", sub.started_at, sub.trial_end)
    if status == Status.PAST_DUE:
        if in_trial:
            # The first charge after a trial failed: access ends with the trial.
            return Access("trial", sub.started_at, sub.trial_end)
        since = sub.past_due_since or sub.current_period_end or now
        return Access(
            "subscription",
            sub.started_at,
            max(sub.current_period_end or since, since + timedelta(days=grace_days)),
        )
    return Access("subscription", sub.started_at, sub.current_period_end)
