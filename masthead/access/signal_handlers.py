"""Paywall settings change what anonymous readers see (the call to action): drop cached pages."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from masthead.core.pagecache import invalidate_on_change

from .models import PaywallSettings


@receiver(post_save, sender=PaywallSettings)
def invalidate_pages(sender, created=False, **kwargs):
    # Wagtail creates a site's settings with their defaults on first read: nothing changes.
    if not created:
        invalidate_on_change()
