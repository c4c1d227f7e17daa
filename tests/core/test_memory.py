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
get_resolver().url_patterns
reverse("robots_txt")  # builds the root's reverse lookup
urlconf = sorted(m for m in {watch} if m in sys.modules)
reverse("masthead_api_v1:openapi-json")
after_api = sorted(m for m in {watch} if m in sys.modules)
print(json.dumps([setup, urlconf, after_api]))
"""
WATCH = ("ninja", "wagtail.api.v3.api", "rest_framework", "masthead.api.v1.urls", "stripe", "icalendar")


def test_a_fresh_process_imports_the_admin_api_and_wagtails_v3_api_only_when_used():
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(watch=repr(WATCH))],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": "/tmp",
            "DJANGO_SETTINGS_MODULE": "masthead.settings",
            "MASTHEAD_VAR_DIR": "/tmp/masthead-memory-test",
            "PYTHONPATH": str(ROOT),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    setup, urlconf, after_api = json.loads(result.stdout.strip().splitlines()[-1])
    assert setup == []  # django.setup(): no ninja, no Wagtail v3 API, no REST framework
    # The URLconf without the admin API: Wagtail's admin brings REST framework (its v2 admin
    # API), but neither ninja nor Wagtail's v3 API.
    assert "ninja" not in urlconf and "wagtail.api.v3.api" not in urlconf
    assert "masthead.api.v1.urls" not in urlconf
    # The Stripe SDK and icalendar wait for a webhook / a calendar file.
    assert "stripe" not in urlconf and "icalendar" not in urlconf
    # A reverse() into the admin API's namespace imports it.
    assert {"ninja", "masthead.api.v1.urls"} <= set(after_api)


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
