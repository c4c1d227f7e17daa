"""A namespaced include() whose URLconf is imported when it is first needed, not at start-up.

Django imports every included URLconf when it builds the reverse lookup (URLResolver._populate
calls each child's _populate). For an include with a namespace the root only needs the child's
namespace and app name, so this resolver imports its URLconf on the first request under its
prefix or the first reverse() into its namespace. The admin API (/api/v1/) is one: it brings
django-ninja and pydantic (~10 MB) into a process that otherwise serves readers (issue 15).
"""

from django.urls.resolvers import RoutePattern, URLResolver


class LazyURLResolver(URLResolver):
    def _populate(self):
        # Called by the parent resolver while it builds its own lookup: nothing to do until the
        # URLconf is imported (the parent reads only namespace and app_name of a namespaced child).
        if "url_patterns" in self.__dict__:
            super()._populate()

    def _loaded(self):
        self.url_patterns  # noqa: B018 - imports the URLconf on first use
        return self

    # What a reverse() into the namespace reads: import first, then Django's own code.
    @property
    def reverse_dict(self):
        return URLResolver.reverse_dict.fget(self._loaded())

    @property
    def namespace_dict(self):
        return URLResolver.namespace_dict.fget(self._loaded())

    @property
    def app_dict(self):
        return URLResolver.app_dict.fget(self._loaded())

    def _is_callback(self, name):
        return URLResolver._is_callback(self._loaded(), name)


def lazy_include(route, urlconf_name, *, app_name, namespace):
    """path(route, include((urlconf_name, app_name), namespace)) with the import put off."""
    if not app_name or not namespace:
        raise ValueError("only a namespaced include can be put off (the root reads the others' names)")
    return LazyURLResolver(
        RoutePattern(route, is_endpoint=False), urlconf_name, app_name=app_name, namespace=namespace
    )
