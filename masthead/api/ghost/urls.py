"""/ghost/api/content/… — and the versioned prefixes older Ghost clients use (/ghost/api/v4/content/…)."""

from django.urls import re_path

from . import views

RESOURCE = r"(?P<resource>posts|pages|authors|tags|tiers)"
PREFIX = r"^(?:(?:v[2-5](?:\.\d+)?|canary)/)?content/"

urlpatterns = [
    re_path(PREFIX + r"settings/$", views.site_settings, name="ghost_settings"),
    re_path(PREFIX + RESOURCE + r"/$", views.browse, name="ghost_browse"),
    re_path(PREFIX + RESOURCE + r"/slug/(?P<slug>[^/]{1,255})/$", views.read, name="ghost_read_slug"),
    re_path(PREFIX + RESOURCE + r"/(?P<id>[^/]{1,64})/$", views.read, name="ghost_read"),
]
