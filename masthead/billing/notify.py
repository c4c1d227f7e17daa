"""Emails about memberships: sent after the change commits; a failed email never undoes it."""

from django.conf import settings
from django.urls import reverse

from masthead.core.mail import send_on_commit

from .models import Status

STATUS_TEMPLATES = {
    Status.TRIALING: "billing/email/welcome_trial",
    Status.ACTIVE: "billing/email/welcome",
    Status.CANCELED: "billing/email/canceled",
    Status.EXPIRED: "billing/email/expired",
}


def _context(sub, **extra):
    return {
        "subscription": sub,
        "plan": sub.plan,
        "price": sub.price,
        "account_url": settings.SITE_URL + reverse("members:account"),
        "membership_url": settings.SITE_URL + reverse("billing:pricing"),
        **extra,
    }


def status_changed(sub, *, before, after):
    if sub.user is None or not sub.user.email:
        return
    template = STATUS_TEMPLATES.get(after)
    if after == Status.ACTIVE and before not in (None, Status.TRIALING):
        template = None  # a renewal or a recovered payment: the receipt says enough
    if after == Status.ACTIVE and before == Status.CANCELED:
        template = "billing/email/resumed"
    if template:
        send_on_commit(template, to=sub.user.email, context=_context(sub, before=before))


def trial_ending(sub):
    send_on_commit("billing/email/trial_ending", to=sub.user.email, context=_context(sub))


def payment_recorded(payment, *, next_attempt_at=None):
    if not payment.billing_email:
        return

    template = {
        "paid": "billing/email/receipt",
        "failed": "billing/email/payment_failed",
        "refunded": "billing/email/refund",
    }[payment.state]
    context = {
        "payment": payment,
        "subscription": payment.subscription,
        "next_attempt_at": next_attempt_at,
        "account_url": settings.SITE_URL + reverse("members:account"),
    }
    send_on_commit(template, to=payment.billing_email, context=context)
