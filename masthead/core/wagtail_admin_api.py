"""Wagtail's admin API URLs, imported on the admin's first use of them (core/wagtail_apps.py).

The real `wagtail.admin.api.urls` builds the router and runs the `construct_admin_api` hooks; this
module gives the router's own patterns to the lazy include that stands in for it at
/admin/api/main/, behind the same admin-access check wagtail.admin.urls puts on every admin view.
"""

from wagtail.admin.api.urls import admin_api
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

urlpatterns = decorate_urlpatterns(admin_api.get_urlpatterns(), require_admin_access)
