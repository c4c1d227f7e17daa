"""allauth's account signals, turned into this app's domain signals (members.signals), and a new
member's sign-up source recorded as they sign up."""

from allauth.account.signals import email_changed, user_signed_up
from django.db import transaction
from django.dispatch import receiver

from . import signals
from .services import member_language_remember, signup_source_record


@receiver(user_signed_up)
def announce_signup(sender, request, user, **kwargs):
    transaction.on_commit(lambda: signals.member_created.send(sender=None, member_id=user.pk))


@receiver(user_signed_up)
def record_signup_source(sender, request, user, **kwargs):
    next_url = ""
    if request is not None:
        next_url = request.POST.get("next") or request.GET.get("next") or ""
    signup_source_record(user=user, next_url=next_url[:1000])


@receiver(user_signed_up)
def record_signup_language(sender, request, user, **kwargs):
    # The edition the reader signed up in (/zh/… activates Chinese) is their language from now on.
    language = getattr(request, "LANGUAGE_CODE", "") if request is not None else ""
    member_language_remember(user=user, language=language)


@receiver(email_changed)
def announce_address_change(sender, request, user, **kwargs):
    transaction.on_commit(lambda: signals.member_updated.send(sender=None, member_id=user.pk))
