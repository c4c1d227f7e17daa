"""The publication's marks for browsers, crawlers and social cards: favicon, touch icons, the
publisher logo of structured data, and the default share image.

One function, `identity(request)`, says where each is; templates (`{% identity_head %}`), JSON-LD
and OpenGraph ask it and nothing else. Until the newsroom uploads its own marks, they are drawn
here from the site's name — the same seal as the site's wordmark (its first letter on the accent
colour) — so a fresh install has a favicon, icons and share image that fit it.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from PIL import Image, ImageDraw, ImageFont

from .caching import mark_cacheable

ACCENT = (179, 38, 30)  # --accent in site.css
PAPER = (251, 250, 246)  # --paper
INK = (21, 19, 15)  # --ink
ICON_SIZES = (32, 180, 192, 512)
SHARE_SIZE = (1200, 630)  # the size Facebook, LinkedIn and X's large card ask for
# Drawn images are kept a day per site name; browsers and CDNs may keep them a week.
CACHE_SECONDS, MAX_AGE = 24 * 3600, 7 * 24 * 3600


@dataclass(frozen=True)
class Identity:
    name: str
    favicon_url: str
    touch_icon_url: str
    icon_192_url: str
    logo_url: str
    share_image_url: str
    share_image_size: tuple


def site_name(request):
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def identity(request):
    """Absolute URLs of the publication's marks for this request's site."""

    def absolute(url):
        return request.build_absolute_uri(url) if request is not None else settings.SITE_URL + url

    return Identity(
        name=site_name(request),
        favicon_url=absolute(reverse("brand_icon", args=[32])),
        touch_icon_url=absolute(reverse("brand_icon", args=[180])),
        icon_192_url=absolute(reverse("brand_icon", args=[192])),
        logo_url=absolute(reverse("brand_icon", args=[512])),
        share_image_url=absolute(reverse("brand_share_image")),
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
    return _serve(request, f"icon{size}", lambda name: draw_icon(size, name))


def share_image_view(request):
    return _serve(request, "share", draw_share_image)


def favicon_ico(request):
    """Browsers ask for /favicon.ico whatever the page says; answer with the 32 px icon."""
    return icon_view(request, 32)
