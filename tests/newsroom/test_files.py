"""Attachments are judged by their bytes, renamed, size-limited and kept outside MEDIA_ROOT."""

import io
import zipfile

import pytest
from django.conf import settings

from masthead.newsroom import files, services
from masthead.newsroom.errors import NewsroomRefused
from masthead.newsroom.models import Attachment

from .conftest import PDF, PNG

pytestmark = pytest.mark.django_db


def docx_bytes():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def odt_bytes():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "ext"),
    [
        (PDF, "pdf"),
        (PNG, "png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "jpg"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
        ("Notes from the meeting — 会议记录\n".encode(), "txt"),
        (docx_bytes(), "docx"),
        (odt_bytes(), "odt"),
    ],
)
def test_accepted_files_are_recognised_by_content(data, ext):
    _data, found, _ctype = files.check_upload(("whatever.bin", data))
    assert found == ext


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",  # a Windows program named .pdf
        b"\x7fELF\x02\x01\x01\x00",
        b"GIF89a\x01\x00\x01\x00\x00\x00",
    ],
)
def test_a_file_is_refused_for_what_it_is_not_what_it_is_called(data):
    with pytest.raises(NewsroomRefused) as refused:
        files.check_upload(("report.pdf", data))
    assert refused.value.code == "file.type"


def test_a_zip_that_is_not_a_document_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("payload.exe", "MZ")
    with pytest.raises(NewsroomRefused):
        files.check_upload(("doc.docx", buf.getvalue()))


def test_oversized_files_are_refused(settings):
    settings.NEWSROOM_ATTACHMENT_MAX_BYTES = 1000
    with pytest.raises(NewsroomRefused) as refused:
        files.check_upload(("big.pdf", PDF + b"x" * 1000))
    assert refused.value.code == "file.too_big"


def test_files_are_stored_privately_under_random_names(reader_user, private_dir):
    thread = services.thread_open(
        kind="tip",
        subject="Docs",
        body="Documents attached for you.",
        sender=reader_user,
        uploads=[("../../etc/passwd.pdf", PDF)],
    )
    attachment = Attachment.objects.get(message__thread=thread)
    assert attachment.original_name == "passwd.pdf"
    assert attachment.stored_name.endswith(".pdf") and "passwd" not in attachment.stored_name
    stored = private_dir / attachment.stored_name
    assert stored.read_bytes() == PDF
    assert stored.stat().st_mode & 0o077 == 0  # readable by the app's user only
    assert str(settings.MEDIA_ROOT) not in str(stored)
    assert stored.parent == private_dir


def test_one_bad_file_stores_nothing(reader_user, private_dir):
    with pytest.raises(NewsroomRefused):
        services.thread_open(
            kind="tip",
            subject="Docs",
            body="Documents attached for you.",
            sender=reader_user,
            uploads=[("a.pdf", PDF), ("b.pdf", b"MZ\x90\x00")],
        )
    assert not list(private_dir.glob("*")) if private_dir.exists() else True
    assert not Attachment.objects.exists()
