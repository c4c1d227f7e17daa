"""Site-wide views: robots.txt and the error pages (health checks: core.health)."""

from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .origin import absolute_url


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /accounts/",
        "Disallow: /dev/",
        "Disallow: /search/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def signin_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out password sign-in: a 429 that says why and for how long."""
    # Lazy: axes.helpers needs the app registry, and this module is read with the URLconf.
    from axes.helpers import get_cool_off, get_failure_limit

    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": max(1, round(cool_off.total_seconds() / 60)) if cool_off else None,
    }
    return render(request, "core/locked_out.html", context, status=429)


def bad_request(request, exception=None):
    try:
        request.get_host()
    except DisallowedHost:
        # A Host outside ALLOWED_HOSTS: the site's page (its site record, links, navigation)
        # cannot be built for it — every attempt raises again, which was a 500. Answer plainly.
        return HttpResponseBadRequest(
            gettext("Bad request: this server does not serve that host name."), content_type="text/plain"
        )
    message = str(exception) if exception and str(exception) else None
    return render(request, "400.html", {"message": message}, status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that touch the database: the database may be why we are here.
    return HttpResponse(loader.get_template("500.html").render(), status=500)
