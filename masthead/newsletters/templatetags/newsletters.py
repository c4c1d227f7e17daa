"""`{% newsletter_signup_box %}`: the signup box on articles and the home page.

It depends only on which newsletters are offered, never on the visitor (no CSRF token, no
personal state), so the pages around it stay cacheable for every anonymous reader.
"""

from django import template

from masthead.core.cachetags import cached

from ..models import Audience, Newsletter
from ..services import active_newsletter_ids

register = template.Library()


@register.inclusion_tag("newsletters/includes/signup_box.html", takes_context=True)
def newsletter_signup_box(context):
    """Visitors: an address and unticked choices (double opt-in follows). Signed-in members (whose
    pages are private) are not asked for their address again: one click adds a newsletter."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        subscriber = getattr(user, "newsletter_subscriber", None)
        have = active_newsletter_ids(subscriber)
        offered = Newsletter.objects.filter(active=True, in_signup_box=True).exclude(pk__in=have)
        return {
            "member": user,
            "newsletters": list(offered.values("pk", "name", "description")),
            "request": request,
            "csrf_token": context.get("csrf_token"),
            # Filled in after the page (access.personal): back to the page, not the parts request.
            "next_path": context.get("next_path"),
        }

    def build():
        return list(
            Newsletter.objects.filter(active=True, in_signup_box=True, audience=Audience.EVERYONE).values(
                "pk", "name", "description"
            )
        )

    # Kept with the `site` tag: saving a newsletter invalidates it (newsletters.signal_handlers).
    return {"newsletters": cached("nl-signup-box", build, timeout=600)}
