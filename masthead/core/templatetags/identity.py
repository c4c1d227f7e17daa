"""{% identity_head %}: favicon and touch icons; {% share_image_url image %}: a social card's image."""

from django import template
from django.utils.html import format_html

from masthead.core.identity import identity
from masthead.core.origin import absolute_url

register = template.Library()

# Social cards: 1.91:1, large enough for every network's large card.
SHARE_SPEC = "fill-1200x630|format-jpeg"


@register.simple_tag(takes_context=True)
def identity_head(context):
    marks = identity(context.get("request"))
    return format_html(
        '<link rel="icon" href="{}" sizes="32x32" type="image/png">\n'
        '  <link rel="icon" href="{}" sizes="192x192" type="image/png">\n'
        '  <link rel="apple-touch-icon" href="{}">',
        marks.favicon_url,
        marks.icon_192_url,
        marks.touch_icon_url,
    )


@register.simple_tag(takes_context=True)
def share_image(context, image=None):
    """(url, width, height, is_default) of the image a social card shows for `image` (a Wagtail
    image, or None for the publication's default share image)."""
    request = context.get("request")
    if image:
        rendition = image.get_rendition(SHARE_SPEC)
        return (absolute_url(rendition.url), rendition.width, rendition.height, False)
    marks = identity(request)
    return (marks.share_image_url, *marks.share_image_size, True)
