"""Imports in the Wagtail admin (Settings → Imports)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("imports/", admin_views.index, name="importers_index"),
        path("imports/<uuid:pk>/", admin_views.run_detail, name="importers_run"),
        path("imports/<uuid:pk>/start/", admin_views.run_start, name="importers_run_start"),
        path("imports/<uuid:pk>/resume/", admin_views.run_resume, name="importers_run_resume"),
    ]


class ImportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("importers.add_importrun")


@hooks.register("register_settings_menu_item")
def register_imports_menu():
    return ImportsMenuItem(_("Imports"), reverse("importers_index"), icon_name="download", order=900)
