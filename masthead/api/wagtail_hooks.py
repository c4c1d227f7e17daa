"""API keys, webhooks and the delivery log under Settings in the Wagtail admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views

urls = [
    path("keys/", admin_views.keys, name="keys"),
    path("keys/<int:pk>/revoke/", admin_views.key_revoke, name="key_revoke"),
    path("webhooks/", admin_views.webhooks, name="webhooks"),
    path("webhooks/<int:pk>/", admin_views.webhook, name="webhook"),
    path("webhooks/<int:pk>/rotate-secret/", admin_views.webhook_rotate, name="webhook_rotate"),
    path("deliveries/", admin_views.deliveries, name="deliveries"),
]


@hooks.register("register_admin_urls")
def register_api_admin_urls():
    return [path("api/", include((urls, "api_admin"), namespace="api_admin"))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, perm, **kwargs):
        super().__init__(*args, **kwargs)
        self.perm = perm

    def is_shown(self, request):
        return request.user.has_perm(self.perm)


@hooks.register("register_settings_menu_item")
def register_keys_menu():
    return PermissionMenuItem(
        _("API keys"), reverse("api_admin:keys"), icon_name="key", order=900, perm="api.view_apikey"
    )


@hooks.register("register_settings_menu_item")
def register_webhooks_menu():
    return PermissionMenuItem(
        _("Webhooks"),
        reverse("api_admin:webhooks"),
        icon_name="link",
        order=910,
        perm="api.change_webhooktarget",
    )
