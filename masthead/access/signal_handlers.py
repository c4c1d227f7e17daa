"""Paywall settings change what anonymous readers see (the call to action) on every page: the
`site` tag (core.cachetags)."""

from django.db.models.signals import post_save

from masthead.core import cachetags

from .models import PaywallSettings

cachetags.on(post_save, cachetags.unless_created(cachetags.SITE), sender=PaywallSettings)
