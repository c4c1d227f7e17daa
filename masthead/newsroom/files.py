"""Attachments: what a file really is (by its bytes, never its name), and where it is kept.

Files live under settings.NEWSROOM_PRIVATE_DIR, outside MEDIA_ROOT, under random names; nothing
serves that directory. Staff download them through views.attachment_download, which checks the
permission and always answers with Content-Disposition: attachment.
"""

import io
import os
import re
import secrets
import zipfile
from pathlib import Path

from django.conf import settings

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


def private_dir():
    path = Path(settings.NEWSROOM_PRIVATE_DIR)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def store(data, ext, *, original=""):
    """Write `data` under a new random name and return that name.

    Written to a temporary name first and renamed when complete: a full disk or an I/O error
    leaves no partial file and raises NewsroomRefused("file.storage") for the form to show.
    """
    name = f"{secrets.token_hex(16)}.{ext}"
    target = private_dir() / name
    partial = target.with_name(f".{name}.partial")
    try:
        with open(partial, "xb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        partial.chmod(0o600)
        partial.rename(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise NewsroomRefused("file.storage", name=original or name) from error
    return name


def path_for(stored_name):
    # stored_name comes from our database only, and is a hex token plus extension.
    if not re.fullmatch(r"[0-9a-f]{32}\.[a-z]{2,5}", stored_name):
        raise ValueError("bad stored name")
    return private_dir() / stored_name


def remove(stored_name):
    try:
        path_for(stored_name).unlink()
    except (FileNotFoundError, ValueError):
        pass
