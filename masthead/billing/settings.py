"""Billing settings for code that has no request at hand (tasks, webhooks): the default site's."""

from wagtail.models import Site

from .models import BillingSettings


def billing_settings():
    site = Site.objects.filter(is_default_site=True).first()
    return BillingSettings.for_site(site) if site else BillingSettings()


def grace_days():
    return billing_settings().grace_days
