"""The image renditions the templates use, so they can be made ahead of the first reader.

Keep in step with the {% picture %}/{% image %} tags in the templates: a spec missing here is
still made on first view, just more slowly. Wagtail keys renditions by the spec string exactly as
the tag writes it, and {% picture %} puts the format first.
"""

HERO_SPECS = [
    f"format-{fmt}|fill-{size}" for size in ("480x270", "800x450", "1280x720") for fmt in ("webp", "jpeg")
]
HERO_SPECS.append("fill-1280x720|format-jpeg")  # OpenGraph, JSON-LD and feeds ({% image %} order)
BODY_SPECS = [f"format-{fmt}|width-{width}" for width in (480, 800, 1280) for fmt in ("webp", "jpeg")]
PORTRAIT_SPECS = ["fill-96x96", "fill-288x288"]


def prewarm(image, specs):
    """Create any missing renditions of `image` (Wagtail skips those that exist)."""
    image.get_renditions(*specs)
