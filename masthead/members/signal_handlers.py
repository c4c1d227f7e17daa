"""Connections to allauth: a new member's sign-up source is recorded as they sign up."""

from allauth.account.signals import user_signed_up
from django.dispatch import receiver

from .services import signup_source_record


@receiver(user_signed_up)
def record_signup_source(sender, request, user, **kwargs):
    next_url = ""
    if request is not None:
        next_url = request.POST.get("next") or request.GET.get("next") or ""
    signup_source_record(user=user, next_url=next_url[:1000])
