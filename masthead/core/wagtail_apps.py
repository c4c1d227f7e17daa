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

import functools
import importlib
import sys
import types
from contextlib import contextmanager

from masthead.core import heic  # noqa: F401  (first: Willow sets up its plugins on import)

# isort: split
from wagtail import hooks
from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.locales.apps import WagtailLocalesAppConfig
from wagtail.snippets.apps import WagtailSnippetsAppConfig

from masthead.core.lazy_urls import lazy_include

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


# --- Wagtail's admin API (REST framework) on first use --------------------------------------------
# The admin's page explorer and choosers call /admin/api/main/…, Wagtail's v2 API on REST framework.
# Loading it brings REST framework, pydantic, pygments and PyYAML (~13 MB) into every process,
# at the first request, through two doors: the URLconf (wagtail.admin.urls imports the API's URLs)
# and the hook search (the documents' and images' wagtail_hooks import their API viewsets, used
# only by their `construct_admin_api` hooks). Both doors are put off until the admin uses the API:
# the URLs behind a namespaced lazy include, the viewsets behind their hooks. A process that
# serves only readers never loads REST framework.

ADMIN_API_URLS = "wagtail.admin.api.urls"
# wagtail_hooks module -> (module of its admin API viewset, the viewset's name)
HOOK_VIEWSETS = {
    "wagtail.documents.wagtail_hooks": ("wagtail.documents.api.admin.views", "DocumentsAdminAPIViewSet"),
    "wagtail.images.wagtail_hooks": ("wagtail.images.api.admin.views", "ImagesAdminAPIViewSet"),
}


class _PendingViewSet:
    """What a hook module holds for its viewset until its `construct_admin_api` hook runs."""

    def __init__(self, module, name):
        self.module, self.name = module, name

    def __repr__(self):
        return f"<{self.module}.{self.name}, imported when the admin API is built>"


def _pending_module(name):
    module = types.ModuleType(name)
    module.__getattr__ = lambda attr: _PendingViewSet(name, attr)  # type: ignore[method-assign]
    module.__stand_in__ = True  # type: ignore[attr-defined]
    return module


def _with_real_viewset(hook, hook_module, views_module, class_name):
    @functools.wraps(hook)
    def construct_admin_api(router):
        namespace = sys.modules[hook_module].__dict__
        if isinstance(namespace.get(class_name), _PendingViewSet):
            namespace[class_name] = getattr(importlib.import_module(views_module), class_name)
        return hook(router)

    return construct_admin_api


def search_for_hooks_without_admin_api(search):
    """Wagtail's hook search with the two API viewset modules stood in while it imports."""

    @functools.wraps(search)
    def search_for_hooks():
        if hooks._searched_for_hooks:  # noqa: SLF001 - Wagtail's own flag, read as it does
            return search()
        added = []
        for views_module, _name in HOOK_VIEWSETS.values():
            if views_module not in sys.modules:
                sys.modules[views_module] = _pending_module(views_module)
                added.append(views_module)
        try:
            search()
        finally:
            for name in added:
                del sys.modules[name]
        registered = hooks._hooks.get("construct_admin_api", [])  # noqa: SLF001
        for i, (hook, order) in enumerate(registered):
            if hook.__module__ in HOOK_VIEWSETS:
                registered[i] = (
                    _with_real_viewset(hook, hook.__module__, *HOOK_VIEWSETS[hook.__module__]),
                    order,
                )

    return search_for_hooks


def put_off_admin_api_in_hooks():
    """Called once from CoreConfig.ready(), before anything asks Wagtail for its hooks."""
    if not getattr(hooks.search_for_hooks, "__wrapped__", None):
        hooks.search_for_hooks = search_for_hooks_without_admin_api(hooks.search_for_hooks)


def wagtail_admin_urls():
    """wagtail.admin.urls, with its API URLs (/admin/api/main/) imported on first use."""
    if "wagtail.admin.urls" in sys.modules or ADMIN_API_URLS in sys.modules:
        return importlib.import_module("wagtail.admin.urls")
    # wagtail.admin.urls includes the API's module and then walks every included pattern to wrap
    # its views in require_admin_access, which would import it at once. So the stand-in is empty
    # while the admin's URLs are built, and receives the lazy include afterwards (the admin's
    # include() keeps this very list); masthead.core.wagtail_admin_api applies the same check.
    stand_in = types.ModuleType(ADMIN_API_URLS)
    stand_in.urlpatterns = []  # type: ignore[attr-defined]
    sys.modules[ADMIN_API_URLS] = stand_in
    try:
        admin_urls = importlib.import_module("wagtail.admin.urls")
    finally:
        # A later import of the API's URLs is the real module.
        del sys.modules[ADMIN_API_URLS]
        api_package = sys.modules.get("wagtail.admin.api")
        if getattr(api_package, "urls", None) is stand_in:
            delattr(api_package, "urls")
    # The real module's one pattern: path("main/", admin_api.urls), namespace "wagtailadmin_api".
    stand_in.urlpatterns.append(  # type: ignore[attr-defined]
        lazy_include(
            "main/",
            "masthead.core.wagtail_admin_api",
            app_name="wagtailadmin_api",
            namespace="wagtailadmin_api",
        )
    )
    return admin_urls
