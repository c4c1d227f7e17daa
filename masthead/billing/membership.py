"""The member's live subscription: the question every membership checkout, a gift's claim and
the test provider's checkout page ask first.

A query on the models and nothing else, so it sits below everything that asks it (services, the
checkout modules, the test provider) without tying any of them to the others.
"""

from .models import LIVE_STATUSES, Subscription


def live_subscription(user):
    if user is None or not user.is_authenticated:
        return None
    return (
        Subscription.objects.filter(user=user, status__in=LIVE_STATUSES)
        .select_related("plan", "price", "offer")
        .first()
    )
