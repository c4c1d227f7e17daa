"""Media storage that never leaves a partial file, and the one error a failed write becomes.

Django's FileSystemStorage writes an upload straight into its final name; when the disk fills up
halfway the request ends in a 500 and the half-written file stays, referenced by nothing (or,
worse, by a row saved later). Here every file is written to a hidden temporary name in the same
directory, flushed, and only then linked to its final name; any OSError (disk full, quota,
permissions, I/O error) removes the temporary file and raises StorageFailed, which
`StorageFailureMiddleware` turns into a clear answer for the person who uploaded.
"""

import errno
import os
import tempfile

from django.core.files.storage import FileSystemStorage
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


class MediaStorage(FileSystemStorage):
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
