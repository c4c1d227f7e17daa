"""A full disk: uploads fail with a clear message and leave no partial file.

Each test mounts a small tmpfs (a real filesystem that fills up; root only, skipped otherwise),
points media and the newsroom's private files at it, fills most of it, and uploads something
bigger than what is left.
"""

import io
import os
import random
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images.models import Image

from masthead.newsroom.models import Attachment, Thread

pytestmark = pytest.mark.django_db
SIZE_KB = 256


@pytest.fixture
def full_disk(tmp_path, settings):
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE_KB}k", "tmpfs", str(mount)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        (mount / "filler").write_bytes(b"\0" * (SIZE_KB - 48) * 1024)
        settings.MEDIA_ROOT = str(mount / "media")
        settings.NEWSROOM_PRIVATE_DIR = str(mount / "private")
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def files_in(mount):
    return sorted(
        str(p.relative_to(mount)) for p in Path(mount).rglob("*") if p.is_file() and p.name != "filler"
    )


def root_collection():
    from wagtail.models import Collection

    return Collection.get_first_root_node().pk


def noisy_png(kb):
    """A valid PNG of about `kb` kilobytes (noise does not compress)."""
    side = int((kb * 1024 / 3) ** 0.5)
    rng = random.Random(1)
    image = PILImage.frombytes("RGB", (side, side), bytes(rng.getrandbits(8) for _ in range(side * side * 3)))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_an_image_upload_to_a_full_disk_says_so_and_leaves_nothing(full_disk, client, staff_user):
    client.force_login(staff_user)
    images = Image.objects.count()
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Too big",
            "collection": root_collection(),
            "file": SimpleUploadedFile("big.png", noisy_png(120), content_type="image/png"),
        },
    )
    assert response.status_code == 507, response.context["form"].errors
    assert "no room for it" in response.content.decode()
    assert Image.objects.count() == images
    assert files_in(full_disk) == [], "no partial file"
    # Once there is room again, the same upload works.
    os.unlink(full_disk / "filler")
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Fits now",
            "collection": root_collection(),
            "file": SimpleUploadedFile("big.png", noisy_png(120), content_type="image/png"),
        },
    )
    assert response.status_code == 302 and Image.objects.filter(title="Fits now").exists()


def test_the_admins_multiple_upload_gets_the_reason_as_json(full_disk, client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "collection": root_collection(),
            "files[]": SimpleUploadedFile("big.png", noisy_png(120), content_type="image/png"),
        },
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 507
    assert response.json()["success"] is False and "no room" in response.json()["error_message"]
    assert files_in(full_disk) == []


def test_a_readers_attachment_to_a_full_disk_is_refused_in_the_form_and_nothing_is_kept(full_disk, client):
    small = SimpleUploadedFile("notes.txt", b"A short note.\n" * 100, content_type="text/plain")
    big = SimpleUploadedFile("scan.txt", b"Scanned page text.\n" * 6000, content_type="text/plain")
    response = client.post(
        "/newsroom/",
        {
            "kind": "tip",
            "email": "a@example.org",
            "subject": "Documents",
            "message": "Two files attached.",
            "attachments": [small, big],
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "scan.txt could not be saved" in html
    assert "Two files attached." in html, "the reader's words are still in the form"
    assert not Thread.objects.filter(subject="Documents").exists() and not Attachment.objects.exists()
    assert files_in(full_disk) == [], "neither the stored first file nor a partial second one"
