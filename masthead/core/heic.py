"""HEIC decoding only where HEIC is accepted (issue 15: worker memory).

Willow registers pillow_heif (libheif, x265 and de265: ~6 MB in every process) when it is installed,
and Wagtail installs it. Wagtail's default WAGTAILIMAGES_EXTENSIONS does not accept HEIC, so no HEIC
original can exist and the decoder would serve nothing; a site that adds "heic" there gets it back.
Imported before anything imports Willow (core/wagtail_apps.py, the first app that does), because
`import willow` sets up its plugins once.
"""

import sys
from contextlib import contextmanager

from django.conf import settings


def accepts_heic():
    return "heic" in (getattr(settings, "WAGTAILIMAGES_EXTENSIONS", None) or ())


@contextmanager
def without(module_name):
    """`import module_name` fails inside the block (Willow's try/except then skips it)."""
    if module_name in sys.modules:
        yield
        return
    sys.modules[module_name] = None  # type: ignore[assignment]  # the import system's "not here"
    try:
        yield
    finally:
        del sys.modules[module_name]


if not accepts_heic():
    with without("pillow_heif"):
        import willow  # noqa: F401
