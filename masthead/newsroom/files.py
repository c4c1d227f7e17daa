"""Attachments: what a file really is (by its bytes, never its name), and where it is kept.

Files live in the private `newsroom` storage under random names: NEWSROOM_PRIVATE_DIR on the local
disk (outside MEDIA_ROOT; nothing serves it) or a private bucket prefix with object storage (no
public URL). Staff download them through admin_views.attachment_download, which checks the
permission and answers with Content-Disposition: attachment — streaming the file from disk, or
redirecting to a signed URL that expires within minutes (AWS_PRIVATE_URL_SECONDS).
"""

import io
import re
import secrets
import zipfile
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files.base import ContentFile

from masthead.core.storage import is_local, newsroom_storage

from .errors import NewsroomRefused

MAX_FILES = 3
TEXT_SNIFF = 8192

# (extension, content type) by signature. Office documents are zip files; checked further below.
SIGNATURES = [
    (b"%PDF-", "pdf", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"\xff\xd8\xff", "jpg", "image/jpeg"),
]
ZIP_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def sniff(head, data_for_zip):
    """(extension, content type) for the first bytes of a file, or None if it is not one we accept."""
    for signature, ext, ctype in SIGNATURES:
        if head.startswith(signature):
            return ext, ctype
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp", "image/webp"
    if head.startswith(b"PK\x03\x04"):
        return _office(data_for_zip())
    if _is_text(head):
        return "txt", "text/plain"
    return None


def _office(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                # OpenDocument: a stored `mimetype` entry names the type (read at most 100 bytes).
                with archive.open("mimetype") as f:
                    mimetype = f.read(100).decode("ascii", "replace").strip()
                for ext in ("odt", "ods"):
                    if mimetype == ZIP_TYPES[ext]:
                        return ext, mimetype
                return None
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return "docx", ZIP_TYPES["docx"]
                if any(n.startswith("xl/") for n in names):
                    return "xlsx", ZIP_TYPES["xlsx"]
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def _is_text(head):
    if not head or b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(head) - 4:  # a multi-byte character cut at the end of the sniffed part
            return False
        text = head[: e.start].decode("utf-8")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t\f")
    return controls == 0


def safe_original_name(name):
    name = Path(str(name or "")).name
    name = re.sub(r"[^\w.\- ]+", "_", name).strip(" .")
    return name[:120]


def check_upload(uploaded):
    """Read an uploaded file (Django UploadedFile or (name, bytes)) and return (data, ext, type).

    Raises NewsroomRefused with a reason the form shows.
    """
    if isinstance(uploaded, tuple):
        name, data = uploaded
    else:
        name = uploaded.name
        if uploaded.size is not None and uploaded.size > settings.NEWSROOM_ATTACHMENT_MAX_BYTES:
            raise NewsroomRefused("file.too_big", name=safe_original_name(name), limit=_mb())
        data = uploaded.read(settings.NEWSROOM_ATTACHMENT_MAX_BYTES + 1)
    if len(data) > settings.NEWSROOM_ATTACHMENT_MAX_BYTES:
        raise NewsroomRefused("file.too_big", name=safe_original_name(name), limit=_mb())
    if not data:
        raise NewsroomRefused("file.empty", name=safe_original_name(name))
    kind = sniff(data[:TEXT_SNIFF], lambda: data)
    if kind is None:
        raise NewsroomRefused("file.type", name=safe_original_name(name))
    return data, kind[0], kind[1]


def _mb():
    return max(1, settings.NEWSROOM_ATTACHMENT_MAX_BYTES // (1024 * 1024))


def _storage():
    return newsroom_storage()


def store(data, ext, *, original=""):
    """Keep `data` under a new random name (local disk or the private bucket) and return that name.

    The storage writes completely or not at all (core.storage): a full disk, an I/O error or a
    bucket that refuses leaves no partial file and raises NewsroomRefused("file.storage") for the
    form to show.
    """
    name = f"{secrets.token_hex(16)}.{ext}"
    try:
        saved = _storage().save(name, ContentFile(data))
    except OSError as error:  # StorageFailed is one
        raise NewsroomRefused("file.storage", name=original or name) from error
    if saved != name:  # a random 128-bit name cannot collide; if the storage renamed it, fail loudly
        raise RuntimeError(f"attachment stored as {saved!r}, expected {name!r}")
    return name


def _checked(stored_name):
    # stored_name comes from our database only, and is a hex token plus extension.
    if not re.fullmatch(r"[0-9a-f]{32}\.[a-z]{2,5}", stored_name):
        raise ValueError("bad stored name")
    return stored_name


def open_stored(stored_name):
    """A readable file for a stored attachment (raises OSError/ValueError if it is not there)."""
    return _storage().open(_checked(stored_name), "rb")


def signed_download_url(stored_name, *, filename, content_type):
    """A short-lived URL to the private object that downloads as `filename`, or None on the local
    disk (where the view streams the file itself)."""
    storage = _storage()
    if is_local(storage):
        return None
    disposition = "attachment; filename*=UTF-8''" + quote(filename)
    return storage.url(
        _checked(stored_name),
        parameters={"ResponseContentDisposition": disposition, "ResponseContentType": content_type},
    )


def remove(stored_name):
    try:
        _storage().delete(_checked(stored_name))
    except (FileNotFoundError, ValueError):
        pass
