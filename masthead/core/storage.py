"""Where uploads live — the local disk (embedded default) or S3-compatible object storage — and
the one error a failed write becomes.

With `AWS_STORAGE_BUCKET_NAME` set, every upload goes to the bucket through django-storages (the
standard `AWS_*` settings), so any number of app servers and workers share one set of files:

The S3 classes live in `core.storage_s3`, which only settings with a bucket name load: django-storages'
S3 backend with boto3 costs each process about 37 MB of memory (measured; issue 15's worker-memory
figure), so a site on the local disk never imports it.

- `S3MediaStorage` (the default storage: images, renditions, documents). Images and renditions
  are public: their URLs are plain bucket (or CDN, `AWS_S3_CUSTOM_DOMAIN`) URLs that browsers
  and CDNs may cache; they are uploaded with `AWS_PUBLIC_MEDIA_ACL` (public-read), or the bucket
  policy makes only those prefixes readable (docs/deploy.md). Every other object is private.
  Everything else — Wagtail documents, which may sit in private collections — gets a short-lived
  signed URL (`AWS_PRIVATE_URL_SECONDS`), never the CDN.
- `S3PrivateStorage` (`storages["newsroom"]`: attachments sent to the newsroom): never public;
  staff download through a permission-checked view that redirects to a signed URL.

Nothing falls back to the disk when the bucket is unreachable or the keys are wrong: the system
check below stops `manage.py` commands (migrate, worker, check) with the reason, and /readyz
reports it.

On the local disk, `LocalMediaStorage` never leaves a partial file. Django's FileSystemStorage
writes an upload straight into its final name; when the disk fills up halfway the request ends in
a 500 and the half-written file stays, referenced by nothing (or, worse, by a row saved later).
Here every file is written to a hidden temporary name in the same directory, flushed, and only
then linked to its final name; any OSError (disk full, quota, permissions, I/O error) removes the
temporary file and raises StorageFailed. A write the bucket refuses raises StorageFailed too, and
`StorageFailureMiddleware` turns it into a clear answer for the person who uploaded.
"""

import errno
import os
import tempfile

from django.conf import settings
from django.core.checks import Error, register
from django.core.files.storage import FileSystemStorage, storages
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


class StorageFailed(OSError):
    """A file could not be stored; nothing of it was kept."""

    def __init__(self, name, error):
        super().__init__(getattr(error, "errno", None), f"could not store {name}: {error}")
        self.name = name

    @property
    def message(self):
        if self.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return _(
                "The file could not be saved: the server has no room for it just now. Nothing was saved."
            )
        return _("The file could not be saved because of a storage error. Nothing was saved.")


# Key prefixes Wagtail writes images (originals) and renditions under: public.
PUBLIC_PREFIXES = ("original_images/", "images/")


def object_storage_enabled():
    return bool(getattr(settings, "AWS_STORAGE_BUCKET_NAME", None))


def is_public(name):
    return str(name).lstrip("/").startswith(PUBLIC_PREFIXES)


def newsroom_storage():
    """The storage for newsroom attachments (private on every backend)."""
    return storages["newsroom"]


def is_local(storage):
    return isinstance(storage, FileSystemStorage)


def check_media_storage():
    """Reach every storage we write to; raise with the storage's own error if one is unusable."""
    from django.core.files.storage import default_storage

    detail = {}
    for alias, storage in (("media", default_storage), ("newsroom", newsroom_storage())):
        if not is_local(storage):
            # HEAD on the bucket: fails on an unreachable endpoint, wrong keys or a missing bucket.
            storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
            detail[alias] = f"s3://{storage.bucket_name}/{storage.location}".rstrip("/")
        else:
            storage.exists("readiness-probe")
            detail[alias] = "local"
    return detail


@register("storage")
def storage_reachable(app_configs, **kwargs):
    """At start-up (every manage.py command, including migrate and worker): object storage that
    is configured must answer, with a message saying what is wrong rather than failing uploads later."""
    if not object_storage_enabled():
        return []
    try:
        check_media_storage()
    except Exception as error:  # noqa: BLE001 - botocore raises many kinds; each is reported
        endpoint = getattr(settings, "AWS_S3_ENDPOINT_URL", None) or "AWS S3"
        return [
            Error(
                f"Media storage is not usable: bucket {settings.AWS_STORAGE_BUCKET_NAME!r} at {endpoint}: "
                f"{type(error).__name__}: {error}",
                hint=(
                    "Check AWS_S3_ENDPOINT_URL, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY and that the bucket "
                    "exists. Uploads are never written to the local disk instead."
                ),
                id="masthead.E020",
            )
        ]
    return []


class LocalMediaStorage(FileSystemStorage):
    """The local disk, written through a temporary file (module docstring)."""

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        temporary = None
        try:
            self._make_directory(directory)
            fd, temporary = tempfile.mkstemp(dir=directory, prefix=".upload-")
            with os.fdopen(fd, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk.encode() if isinstance(chunk, str) else chunk)
                out.flush()
                os.fsync(out.fileno())
            while True:
                try:
                    os.link(temporary, full_path)  # never replaces an existing file
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
            if self.file_permissions_mode is not None:
                os.chmod(full_path, self.file_permissions_mode)
        except OSError as error:
            raise StorageFailed(name, error) from error
        finally:
            if temporary is not None:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass
        return str(name).replace("\\", "/")

    def _make_directory(self, directory):
        if self.directory_permissions_mode is None:
            os.makedirs(directory, exist_ok=True)
            return
        old_umask = os.umask(0o777 & ~self.directory_permissions_mode)
        try:
            os.makedirs(directory, self.directory_permissions_mode, exist_ok=True)
        finally:
            os.umask(old_umask)


class StorageFailureMiddleware:
    """A StorageFailed anywhere in a request is answered with what happened, not a 500:
    JSON for the admin's upload scripts, a page otherwise (status 507, Insufficient Storage)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, StorageFailed):
            return None
        message = exception.message
        if request.headers.get("x-requested-with") == "XMLHttpRequest" or "json" in request.headers.get(
            "accept", ""
        ):
            # Wagtail's multiple upload shows error_message of a response with success false.
            return JsonResponse({"success": False, "error_message": message}, status=507)
        body = render_to_string("storage_error.html", {"message": message}, request=request)
        return HttpResponse(body, status=507)
