"""Domain signals of the billing app, for apps above it (the api app's webhooks).

Sent after the change commits, from events.apply_snapshot and events.record_payment — the one
path every provider event and staff action takes — with ids only.
"""

from django.dispatch import Signal

# A subscription's membership changed; `change` is one of:
#   "started"  — a new subscription (trialing, active or complimentary);
#   "renewed"  — a paid payment for a subscription that had been paid before (not the first one);
#   "canceled" — set to end at the period's end (status canceled); resuming sends nothing;
#   "ended"    — expired (period over after canceling, grace over, ended by staff or provider).
# Not sent for gift memberships or group seats (they are grants, not subscriptions).
membership_changed = Signal()  # subscription_id, change

# A payment attempt failed (the provider will usually retry; the subscription may be past due).
payment_failed = Signal()  # payment_id
