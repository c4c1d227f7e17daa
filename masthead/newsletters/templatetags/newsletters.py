"""`{% newsletter_signup_box %}`: the signup box on articles and the home page.

It depends only on which newsletters are offered, never on the visitor (no CSRF token, no
personal state), so the pages around it stay cacheable for every anonymous reader.
"""

from django import template
from django.core.cache import cache

from masthead.core.caching import fragment_generation

register = template.Library()


@register.inclusion_tag("newsletters/includes/signup_box.html")
def newsletter_signup_box():
    from ..models import Audience, Newsletter

    key = f"nl-signup-box:{fragment_generation()}"
    newsletters = cache.get(key)
    if newsletters is None:
        newsletters = list(
            Newsletter.objects.filter(active=True, in_signup_box=True, audience=Audience.EVERYONE).values(
                "pk", "name", "description"
            )
        )
        cache.set(key, newsletters, 600)
    return {"newsletters": newsletters}
