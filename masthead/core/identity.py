"""The publication's identity — name, sender, reply-to, postal address, logo, favicon — and its
marks for browsers, crawlers and social cards.

    from masthead.core.identity import publication
    pub = publication()
    pub.name, pub.from_email, pub.reply_to_list, pub.postal_address, pub.logo, pub.favicon

Templates get the same object as `publication` (core.context_processors.site_chrome), plus
`site_name` (its name) for older templates. Emails sent by core.mail carry `publication`,
`site_name` and `site_url` in their context and `publication.from_email` as the default From.
It is read once per process per page-cache generation (saving it bumps the generation, so a
change shows everywhere within about a second); a worker sending mail reads it the same way.

`identity(request)` says where the marks are (favicon, touch icons, the publisher logo of
structured data, the default share image); templates (`{% identity_head %}`), JSON-LD and
OpenGraph ask it and nothing else. The icons are the uploaded favicon's renditions when the
newsroom has set one; otherwise they, like the default share image, are drawn here from the
publication's name — the same seal as the site's wordmark (its first letter on the accent colour)
— so a fresh install has a favicon, icons and share image that fit it.
"""

import io
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from PIL import Image, ImageDraw, ImageFont

from . import cachetags
from .caching import mark_cacheable
from .origin import absolute_url

logger = logging.getLogger(__name__)

ACCENT = (179, 38, 30)  # --accent in site.css
PAPER = (251, 250, 246)  # --paper
INK = (21, 19, 15)  # --ink
ICON_SIZES = (32, 180, 192, 512)
SHARE_SIZE = (1200, 630)  # the size Facebook, LinkedIn and X's large card ask for
# Drawn images are kept a day per site name; browsers and CDNs may keep them a week.
CACHE_SECONDS, MAX_AGE = 24 * 3600, 7 * 24 * 3600
# The publisher logo schema.org and Google ask for: at most 600x60, PNG.
LOGO_SPEC = "max-600x60|format-png"


def icon_spec(size):
    return f"fill-{size}x{size}|format-png"


# Every rendition of the uploaded logo and favicon the site serves; making them when the marks are
# set keeps the first reader's page from writing rendition rows.
LOGO_SPECS = (LOGO_SPEC,)
FAVICON_SPECS = tuple(icon_spec(size) for size in ICON_SIZES)


_cached = cachetags.ProcessCache("core.publication", 1)


def publication():
    """The PublicationSettings row (core.models), with its logo and favicon loaded."""
    from .models import PublicationSettings

    generation = cachetags.generation.get()
    value = _cached.get("publication", generation)
    if value is None:
        value = (
            PublicationSettings.objects.select_related("logo", "favicon").first()
            or PublicationSettings.load()
        )
        _cached.set("publication", value, generation)
    return value


def forget():
    _cached.clear()


@dataclass(frozen=True)
class Identity:
    name: str
    favicon_url: str
    touch_icon_url: str
    icon_192_url: str
    logo_url: str
    share_image_url: str
    share_image_size: tuple


def site_name(request=None):
    return publication().name


def rendition(image, spec):
    """`image`'s rendition, or None when its original file is missing or unreadable (a restored
    database without its media, a bucket that lost a file): a page then goes without that
    picture rather than failing for every reader."""
    try:
        return image.get_rendition(spec)
    except OSError:  # wagtail.images.models.SourceImageIOError is one
        logger.warning("Image %s (%s) could not be read for a rendition", image.pk, spec, exc_info=True)
        return None


def identity(request=None):
    """Absolute URLs (on the public origin, core.origin) of the publication's marks."""
    pub = publication()
    logo = rendition(pub.logo, LOGO_SPEC) if pub.logo_id else None
    logo_url = absolute_url(logo.url if logo else reverse("brand_icon", args=[512]))
    return Identity(
        name=pub.name,
        favicon_url=absolute_url(reverse("brand_icon", args=[32])),
        touch_icon_url=absolute_url(reverse("brand_icon", args=[180])),
        icon_192_url=absolute_url(reverse("brand_icon", args=[192])),
        logo_url=logo_url,
        share_image_url=absolute_url(reverse("brand_share_image")),
        share_image_size=SHARE_SIZE,
    )


def _font(size):
    # Pillow's bundled FreeType font: present wherever Pillow is, no system fonts needed.
    return ImageFont.load_default(size=size)


def _seal(size, letter):
    image = Image.new("RGB", (size, size), ACCENT)
    draw = ImageDraw.Draw(image)
    draw.text((size / 2, size / 2), letter, font=_font(int(size * 0.62)), fill=PAPER, anchor="mm")
    return image


def draw_icon(size, name):
    return _png(_seal(size, (name[:1] or "M").upper()))


def draw_share_image(name):
    width, height = SHARE_SIZE
    image = Image.new("RGB", SHARE_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, height - 36, width, height], fill=ACCENT)
    seal = _seal(220, (name[:1] or "M").upper())
    image.paste(seal, (110, (height - 36 - 220) // 2))
    size = 96
    while size > 40 and draw.textlength(name, font=_font(size)) > width - 380 - 60:
        size -= 4  # a long name gets smaller type rather than running off the card
    draw.text((380, (height - 36) / 2), name, font=_font(size), fill=INK, anchor="lm")
    return _png(image)


def _png(image):
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _serve(request, key, draw):
    name = site_name(request)
    cache_key = f"core:brand:{key}:{name}"
    data = cache.get(cache_key)
    if data is None:
        data = draw(name)
        cache.set(cache_key, data, CACHE_SECONDS)
    response = mark_cacheable(HttpResponse(data, content_type="image/png"), personal=False)
    patch_cache_control(response, max_age=MAX_AGE)
    return response


def icon_view(request, size):
    if size not in ICON_SIZES:
        raise Http404
    pub = publication()
    icon = rendition(pub.favicon, icon_spec(size)) if pub.favicon_id else None
    if icon is not None:
        # The newsroom's own icon: a square rendition of it (made once, then on storage).
        response = mark_cacheable(HttpResponseRedirect(absolute_url(icon.url)), personal=False)
        patch_cache_control(response, max_age=3600)
        return response
    return _serve(request, f"icon{size}", lambda name: draw_icon(size, name))


def share_image_view(request):
    return _serve(request, "share", draw_share_image)


def favicon_ico(request):
    """Browsers ask for /favicon.ico whatever the page says; answer with the 32 px icon."""
    return icon_view(request, 32)
