"""Uploads on S3-compatible object storage (a real S3 API server: moto in server mode): images and
renditions public, documents and newsroom attachments only through short-lived signed URLs, and a
storage that cannot be reached is an error at start-up, never a silent fallback to the disk."""

import io
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from django.core.checks import run_checks
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from masthead.core.health import readiness_report
from masthead.newsroom import services as newsroom
from masthead.newsroom.models import Attachment
from tests.storage.conftest import BUCKET

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes(color=(200, 30, 30)):
    out = io.BytesIO()
    PILImage.new("RGB", (640, 400), color).save(out, "PNG")
    return out.getvalue()


def upload(name, data, content_type):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type=content_type)


def bucket_keys(endpoint, prefix):
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    )
    listing = client.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return [item["Key"] for item in listing.get("Contents", [])]


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our test server
        return response.status, response.headers, response.read()


@pytest.fixture
def editor_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.mark.parametrize("where", ["admin", "editor"])
def test_an_image_uploaded_in_the_admin_or_the_editor_lands_in_the_bucket_and_renditions_are_public(
    editor_client, object_storage, s3_server, where
):
    url = reverse("wagtailimages:add") if where == "admin" else reverse("wagtailimages_chooser:create")
    picture = png_bytes(color=(200, 30, 30) if where == "admin" else (30, 30, 200))
    data = {"title": f"Upload from the {where}", "file": upload("harbour.png", picture, "image/png")}
    data["collection"] = "1"
    if where == "editor":  # the image chooser's upload tab in the page editor prefixes its fields
        data = {f"image-chooser-upload-{name}": value for name, value in data.items()}
    response = editor_client.post(url, data)
    assert response.status_code in (200, 302), response.content[:500]
    image = get_image_model().objects.get(title=f"Upload from the {where}")
    keys = bucket_keys(s3_server, object_storage)
    assert f"{object_storage}/media/{image.file.name}" in keys
    rendition = image.get_rendition("fill-320x200|format-webp")
    assert f"{object_storage}/media/{rendition.file.name}" in bucket_keys(s3_server, object_storage)
    # Public: a plain URL on the bucket, no signature, so CDNs and browsers may cache it.
    assert rendition.url.startswith(f"{s3_server}/{BUCKET}/{object_storage}/media/images/")
    assert "Signature" not in rendition.url
    status, headers, body = fetch(rendition.url)
    assert status == 200 and body[:4] == b"RIFF"
    assert "max-age=31536000" in headers.get("Cache-Control", "")
    assert not default_storage.__class__.__name__ == "FileSystemStorage"


def test_documents_are_served_through_wagtails_check_and_a_signed_url(
    editor_client, object_storage, s3_server
):
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Annual report", "collection": "1", "file": upload("report.pdf", PDF, "application/pdf")},
    )
    assert response.status_code in (200, 302)
    document = get_document_model().objects.get(title="Annual report")
    assert f"{object_storage}/media/{document.file.name}" in bucket_keys(s3_server, object_storage)
    # The object itself is private: without a signature the bucket refuses it.
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(f"{s3_server}/{BUCKET}/{object_storage}/media/{document.file.name}")
    assert refused.value.code == 403
    served = editor_client.get(document.url)
    assert served.status_code == 302
    signed = served["Location"]
    query = parse_qs(urlsplit(signed).query)
    assert "X-Amz-Signature" in query and int(query["X-Amz-Expires"][0]) <= 300
    assert fetch(signed)[2] == PDF


def test_newsroom_attachments_are_private_objects_downloaded_through_a_short_lived_link(
    client, object_storage, s3_server, reader_user, django_user_model, demo
):
    thread = newsroom.thread_open(
        kind="tip",
        subject="Leaked memo",
        body="Please look at this.",
        sender=reader_user,
        uploads=[("memo.pdf", PDF)],
    )
    attachment = Attachment.objects.get(message__thread=thread)
    assert f"{object_storage}/private/{attachment.stored_name}" in bucket_keys(s3_server, object_storage)
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(f"{s3_server}/{BUCKET}/{object_storage}/private/{attachment.stored_name}")
    assert refused.value.code == 403
    assert not bucket_keys(s3_server, f"{object_storage}/media/"), "nothing private under the public media"
    client.force_login(django_user_model.objects.get(username="editor"))
    response = client.get(reverse("newsroom_admin:attachment", args=[attachment.pk]))
    assert response.status_code == 302
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    query = parse_qs(urlsplit(response["Location"]).query)
    assert int(query["X-Amz-Expires"][0]) <= 300
    assert query["response-content-disposition"][0].startswith("attachment;")
    status, headers, body = fetch(response["Location"])
    assert body == PDF and headers["Content-Disposition"].startswith("attachment;")
    # A reader who may not handle the thread gets no link at all.
    client.force_login(reader_user)
    assert client.get(reverse("newsroom_admin:attachment", args=[attachment.pk])).status_code in (302, 403)


def test_an_unreachable_endpoint_or_a_missing_bucket_is_a_clear_start_up_error(settings, object_storage, db):
    settings.AWS_STORAGE_BUCKET_NAME = "no-such-bucket"
    settings.STORAGES = {**settings.STORAGES}
    errors = [e for e in run_checks(tags=["storage"]) if e.id == "masthead.E020"]
    assert errors and "no-such-bucket" in errors[0].msg
    assert "never written to the local disk" in errors[0].hint

    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = "http://127.0.0.1:9"  # nothing listens there
    settings.STORAGES = {**settings.STORAGES}  # storages are made anew from the settings, as at start-up
    errors = [e for e in run_checks(tags=["storage"]) if e.id == "masthead.E020"]
    assert errors and "127.0.0.1:9" in errors[0].msg and "Could not connect" in errors[0].msg
    report = readiness_report()
    assert report["status"] == "degraded", report
    assert report["checks"]["storage"]["status"] == "error"


def test_the_storage_check_passes_when_the_bucket_answers(object_storage, db):
    assert not [e for e in run_checks(tags=["storage"]) if e.id == "masthead.E020"]
    assert readiness_report()["checks"]["storage"]["status"] == "ok"
