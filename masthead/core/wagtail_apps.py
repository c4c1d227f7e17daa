"""Wagtail's app configs without the registrations for Wagtail's v3 (django-ninja) API.

Wagtail 8's images, documents, snippets, locales and redirects apps register routers and
pydantic schemas on `wagtail.api.v3.api` in their ready(). That imports django-ninja, pydantic,
django.test (and through it jinja2) and, for redirects, Django REST framework — about 20 MB in
every process (docs/notes/issue-15-memory.md). Masthead does not mount Wagtail's v3 API (its URLs
are not in masthead/urls.py; the admin uses its own v2-based API), so those registrations serve
nothing here. These configs run Wagtail's own ready() unchanged, with the v3 modules it imports
standing in as no-ops for the duration of that call only; everything else Wagtail registers
(signal handlers, permission policies, form widgets, reference index) is registered as before.
Mounting Wagtail's v3 API would need these configs replaced by Wagtail's own in INSTALLED_APPS.
"""

import sys
import types
from contextlib import contextmanager

from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.locales.apps import WagtailLocalesAppConfig
from wagtail.snippets.apps import WagtailSnippetsAppConfig

# The modules each ready() imports for the v3 API alone (see the ready() of each app).
V3_MODULES = {
    "wagtail.images": ("wagtail.images.api.v3.registry", "wagtail.images.api.v3.router"),
    "wagtail.documents": ("wagtail.documents.api.v3.registry", "wagtail.documents.api.v3.router"),
    "wagtail.snippets": ("wagtail.snippets.api.v3", "wagtail.snippets.api.v3.router"),
    "wagtail.locales": ("wagtail.locales.api.v3",),
    # `from .api.v3 import router` imports the redirects' api package, whose __init__ is the v2
    # (REST framework) API; the admin imports that for real when it needs it.
    "wagtail.contrib.redirects": ("wagtail.contrib.redirects.api", "wagtail.contrib.redirects.api.v3"),
}
API_MODULE = "wagtail.api.v3.api"


class _NoOp:
    """Absorbs the calls ready() makes on the v3 API (`api.add_router(…)`, `register_content_types()`)."""

    def __call__(self, *args, **kwargs):
        return self

    def __getattr__(self, name):
        return self


def _stand_in(name):
    module = types.ModuleType(name)
    module.__path__ = []  # a package, so `from .api.v3 import router` finds its attribute
    module.__getattr__ = lambda attr: _NoOp()  # type: ignore[method-assign]
    return module


@contextmanager
def without_api_v3(app_name):
    real = sys.modules.get(API_MODULE)
    if real is not None and not getattr(real, "__stand_in__", False):
        # Something loaded the real v3 API first: let Wagtail register on it as it always does.
        yield
        return
    names = [API_MODULE, *V3_MODULES[app_name]]
    added = []
    for name in names:
        if name not in sys.modules:
            sys.modules[name] = _stand_in(name)
            sys.modules[name].__stand_in__ = True  # type: ignore[attr-defined]
            added.append(name)
    try:
        yield
    finally:
        for name in added:
            del sys.modules[name]


class WithoutApiV3:
    """Runs the Wagtail app's own `ready()` with its v3 API registrations stood in (above)."""

    def ready(self):
        with without_api_v3(self.name):
            super().ready()  # type: ignore[misc]


class ImagesConfig(WithoutApiV3, WagtailImagesAppConfig):
    pass


class DocumentsConfig(WithoutApiV3, WagtailDocsAppConfig):
    pass


class SnippetsConfig(WithoutApiV3, WagtailSnippetsAppConfig):
    pass


class LocalesConfig(WithoutApiV3, WagtailLocalesAppConfig):
    pass


class RedirectsConfig(WithoutApiV3, WagtailRedirectsAppConfig):
    pass
