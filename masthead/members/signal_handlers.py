"""allauth's account signals, turned into this app's domain signals (members.signals)."""

from allauth.account.signals import email_changed, user_signed_up
from django.db import transaction
from django.dispatch import receiver

from . import signals


@receiver(user_signed_up)
def announce_signup(sender, request, user, **kwargs):
    transaction.on_commit(lambda: signals.member_created.send(sender=None, member_id=user.pk))


@receiver(email_changed)
def announce_address_change(sender, request, user, **kwargs):
    transaction.on_commit(lambda: signals.member_updated.send(sender=None, member_id=user.pk))
