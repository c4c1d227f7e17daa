import secrets

from django.conf import settings
from django.urls import reverse

from .caching import fragment_cache_alias, fragment_generation
from .identity import publication

# Fragments are dropped by generation on publish; this only bounds how long an unused one lingers.
FRAGMENT_SECONDS = 3600


def site_chrome(request):
    pub = publication()
    generation = fragment_generation()
    return {
        # The publication's identity (core.identity): name, logo, favicon, sender, postal address.
        "publication": pub,
        "site_name": pub.name,
        "site_url": settings.SITE_URL,
        "dev_mailbox_enabled": settings.DEV_MAILBOX_ENABLED,
        "membership_url": reverse(getattr(settings, "MASTHEAD_MEMBERSHIP_URL_NAME", "access:membership")),
        # Template fragments ({% cache %}) are keyed on this: publishing makes them all stale.
        # While the cache is unreachable (generation None) fragments are neither read from a
        # shared key nor kept: a key no one else uses, and 0 seconds (Django deletes at once).
        "cache_gen": generation if generation is not None else f"down-{secrets.token_hex(8)}",
        # ...and read from and written to this cache: a preview's is one that keeps nothing.
        "fragment_cache": fragment_cache_alias(request),
        "fragment_seconds": FRAGMENT_SECONDS if generation is not None else 0,
        "MASTHEAD_ENV": settings.MASTHEAD_ENV,
        "payments_test_banner": settings.PAYMENTS_TEST_MODE_BANNER,
    }
