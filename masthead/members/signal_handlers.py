"""allauth's account signals, turned into this app's domain signals (members.signals), and a new
member's sign-up source recorded as they sign up."""

from allauth.account.signals import email_changed, user_signed_up
from django.db import transaction
from django.dispatch import receiver

from . import signals
from .services import signup_source_record


@receiver(user_signed_up)
def announce_signup(sender, request, user, **kwargs):
    transaction.on_commit(lambda: signals.member_created.send(sender=None, member_id=user.pk))


@receiver(user_signed_up)
def record_signup_source(sender, request, user, **kwargs):
    next_url = ""
    if request is not None:
        next_url = request.POST.get("next") or request.GET.get("next") or ""
    signup_source_record(user=user, next_url=next_url[:1000])


@receiver(email_changed)
def announce_address_change(sender, request, user, **kwargs):
    transaction.on_commit(lambda: signals.member_updated.send(sender=None, member_id=user.pk))
