"""Issue 15 (worker memory): what a web process does not import until it is needed, and that the
parts put off still work when they are (Wagtail's apps, the admin API and its docs page)."""

import io
import json
import subprocess
import sys
import weakref

import pytest
from django.contrib.staticfiles import finders
from django.db.models import CASCADE, ForeignKey
from django.urls import resolve, reverse
from wagtail.signals import page_slug_changed, post_page_move

from tests.helpers import ROOT

PROBE = """
import json, sys
import django
django.setup()
setup = sorted(m for m in {watch} if m in sys.modules)
from django.urls import get_resolver, reverse
from wagtail import hooks
hooks.search_for_hooks()  # what the first page request does (before_serve_page and others)
get_resolver().url_patterns
reverse("robots_txt")  # builds the root's reverse lookup
urlconf = sorted(m for m in {watch} if m in sys.modules)
reverse("masthead_api_v1:openapi-json")
after_api = sorted(m for m in {watch} if m in sys.modules)
reverse("wagtailadmin_api:pages:listing")  # what every Wagtail admin page does
after_admin = sorted(m for m in {watch} if m in sys.modules)
print(json.dumps([setup, urlconf, after_api, after_admin]))
"""
WATCH = (
    "ninja",
    "wagtail.api.v3.api",
    "rest_framework",
    "pydantic",
    "masthead.api.v1.urls",
    "stripe",
    "icalendar",
    "pillow_heif",
)


def run_probe(code, **env):
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": "/tmp",
            "DJANGO_SETTINGS_MODULE": "masthead.settings",
            "MASTHEAD_VAR_DIR": "/tmp/masthead-memory-test",
            "PYTHONPATH": str(ROOT),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_fresh_process_imports_the_admin_apis_and_wagtails_v3_api_only_when_used():
    setup, urlconf, after_api, after_admin = run_probe(PROBE.format(watch=repr(WATCH)))
    assert setup == []  # django.setup(): no ninja, no Wagtail v3 API, no REST framework, no HEIC
    # Wagtail's hooks and the whole URLconf, as a reader's first request loads them: still no
    # REST framework or pydantic (Wagtail's admin API waits for the admin), no ninja, no v3 API.
    assert urlconf == []
    # A reverse() into our API's namespace imports it (ninja), not Wagtail's admin API.
    assert {"ninja", "masthead.api.v1.urls"} <= set(after_api)
    assert "rest_framework" not in after_api
    # A reverse() into Wagtail's admin API (every admin page makes one) imports REST framework.
    assert "rest_framework" in after_admin
    # Nothing asked for HEIC, and Wagtail's default image types do not include it.
    assert "pillow_heif" not in after_admin


HEIC_PROBE = """
import io, json, sys
import django
django.setup()
loaded = "pillow_heif" in sys.modules
import pillow_heif, willow
from PIL import Image
heic = io.BytesIO()
pillow_heif.from_pillow(Image.new("RGB", (64, 40), (200, 30, 30))).save(heic, quality=50)
heic.seek(0)
image = willow.Image.open(heic)
print(json.dumps([loaded, type(image).__name__, image.get_size()]))
"""


def test_a_site_that_accepts_heic_gets_the_heic_decoder():
    loaded, kind, size = run_probe(HEIC_PROBE, IMAGE_EXTENSIONS="heic,jpg,png")
    assert loaded  # set up with Willow, before anything asked for it
    assert (kind, size) == ("HeicImageFile", [64, 40])


def test_wagtails_own_registrations_still_happen_without_the_v3_api():
    from wagtail.admin.forms.models import registry as form_field_overrides
    from wagtail.contrib.redirects.signal_handlers import (
        autocreate_redirects_on_page_move,
        autocreate_redirects_on_slug_change,
    )
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.widgets import AdminImageChooser
    from wagtail.models.reference_index import ReferenceIndex

    def receivers(signal):
        return [r[1]() if isinstance(r[1], weakref.ReferenceType) else r[1] for r in signal.receivers]

    assert autocreate_redirects_on_page_move in receivers(post_page_move)
    assert autocreate_redirects_on_slug_change in receivers(page_slug_changed)
    assert ReferenceIndex.is_indexed(get_image_model()) and ReferenceIndex.is_indexed(get_document_model())
    override = form_field_overrides.get(ForeignKey(get_image_model(), on_delete=CASCADE))
    assert override and override["widget"] is AdminImageChooser
    # The stand-ins are gone: a later import of Wagtail's v3 API would be the real one.
    assert not getattr(sys.modules.get("wagtail.api.v3.api"), "__stand_in__", False)
    # Wagtail's hooks are all there, the two admin-API ones among them.
    from wagtail import hooks

    construct = {fn.__module__ for fn in hooks.get_hooks("construct_admin_api")}
    assert {"wagtail.documents.wagtail_hooks", "wagtail.images.wagtail_hooks"} <= construct
    assert hooks.get_hooks("before_serve_page") and hooks.get_hooks("register_admin_urls")
    assert not getattr(sys.modules.get("wagtail.admin.api.urls"), "__stand_in__", False)


@pytest.mark.django_db
def test_wagtails_admin_api_serves_staff_and_refuses_everyone_else(client, staff_user, reader_user):
    from wagtail.images import get_image_model

    from tests.factories import ImageFactory

    ImageFactory(title="Memory test chooser image")
    listing = reverse("wagtailadmin_api:images:listing")
    assert listing == "/admin/api/main/images/"
    # Anonymous readers and members without admin access are sent to the admin's login.
    response = client.get(listing)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(reader_user)
    response = client.get(listing)
    assert response.status_code in (302, 403)
    assert b"Memory test chooser image" not in response.content
    # Staff get the JSON the admin's choosers and page explorer read.
    client.force_login(staff_user)
    images = client.get(listing).json()
    assert images["meta"]["total_count"] == get_image_model().objects.count()
    pages = client.get(reverse("wagtailadmin_api:pages:listing"), {"child_of": "root"}).json()
    assert pages["meta"]["total_count"] >= 1
    documents = client.get(reverse("wagtailadmin_api:documents:listing"))
    assert documents.status_code == 200 and "items" in documents.json()
    # The hooks now hold the real viewsets.
    import wagtail.documents.wagtail_hooks
    import wagtail.images.wagtail_hooks
    from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
    from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

    assert wagtail.documents.wagtail_hooks.DocumentsAdminAPIViewSet is DocumentsAdminAPIViewSet
    assert wagtail.images.wagtail_hooks.ImagesAdminAPIViewSet is ImagesAdminAPIViewSet


@pytest.mark.django_db
def test_the_admin_api_resolves_and_its_docs_page_uses_local_files(client):
    assert resolve("/api/v1/openapi.json").url_name == "openapi-json"
    assert reverse("masthead_api_v1:openapi-json") == "/api/v1/openapi.json"
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/ninja/swagger-ui.css" in page and "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn." not in page
    assert finders.find("ninja/swagger-ui-bundle.js")


def image_bytes(fmt):
    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", (64, 40), (200, 30, 30)).save(out, fmt)
    return out.getvalue()


# Every format Wagtail accepts by default (wagtail.images.utils.get_allowed_image_extensions;
# WAGTAILIMAGES_EXTENSIONS is not set here, so HEIC is not accepted, before or after this change).
@pytest.mark.parametrize(
    ("ext", "fmt"), [("png", "PNG"), ("jpg", "JPEG"), ("gif", "GIF"), ("webp", "WEBP"), ("avif", "AVIF")]
)
def test_every_image_type_uploads_in_the_admin_and_gets_a_rendition(client, staff_user, ext, fmt):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    client.force_login(staff_user)
    title = f"Memory test {ext}"
    upload = SimpleUploadedFile(f"pier.{ext}", image_bytes(fmt), content_type=f"image/{ext}")
    response = client.post(reverse("wagtailimages:add"), {"title": title, "file": upload, "collection": "1"})
    assert response.status_code in (200, 302), response.content[:500]
    image = get_image_model().objects.get(title=title)
    assert (image.width, image.height) == (64, 40)
    assert image.get_rendition("fill-32x20|format-webp").file.name.endswith(".webp")
