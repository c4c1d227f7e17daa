"""`{% page_beacon %}`: the page-view script, on every public page (base.html)."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def page_beacon(context):
    request = context.get("request")
    if not settings.ANALYTICS_BEACON or getattr(request, "is_preview", False):
        return ""
    return format_html('<script src="{}" defer></script>', static("analytics/beacon.js"))
