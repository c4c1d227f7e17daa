"""What billing holds about a member, for export and account deletion.

Payments and invoices are kept for accounting when an account is deleted: their member link is
nulled (SET_NULL) and the billing email stays on the payment, as the law requires receipts to.
"""

from django.utils import timezone

from .errors import BillingError
from .models import Payment, Subscription
from .services import live_subscription, subscription_end


def export_member(user):
    return {
        "subscriptions": [
            {
                "plan": s.plan.name,
                "status": s.status,
                "started": s.started_at.isoformat(),
                "paid_until": s.current_period_end.isoformat() if s.current_period_end else None,
                "provider": s.provider,
            }
            for s in Subscription.objects.filter(user=user).select_related("plan")
        ],
        "payments": [
            {
                "receipt": p.receipt_number,
                "date": p.created_at.isoformat(),
                "amount": p.amount,
                "currency": p.currency,
                "state": p.state,
                "description": p.description,
            }
            for p in Payment.objects.filter(user=user)
        ],
    }


def erase_member(user, *, now):
    """End any live subscription at once (at the provider too) before the account goes."""
    sub = live_subscription(user)
    if sub is not None:
        try:
            subscription_end(subscription=sub, now=now or timezone.now(), reason="account deleted")
        except BillingError:
            pass
