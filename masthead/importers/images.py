"""Images an export refers to: taken from the export's own files when they are there, fetched
when the address answers, and otherwise left as links (with a warning in the report). Stored as
Wagtail images through the default storage, one copy per distinct file (content.services)."""

import mimetypes
import posixpath
import urllib.error
import urllib.request
from io import BytesIO
from urllib.parse import urlsplit

from django.conf import settings
from PIL import Image as PILImage

from masthead.content.sanitise import is_safe_url
from masthead.content.services import image_from_bytes

MAX_IMAGE_BYTES = 20 * 1024 * 1024
FETCH_TIMEOUT = 10


class WouldStore:
    """A dry run's stand-in for an image that would be stored."""

    def __init__(self, url):
        self.url = url


def fetch(url):
    request = urllib.request.Request(url, headers={"User-Agent": "Masthead importer"})  # noqa: S310
    timeout = getattr(settings, "IMPORT_FETCH_TIMEOUT", FETCH_TIMEOUT)
    # S310: http(s) only, checked by the caller.
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        data = response.read(MAX_IMAGE_BYTES + 1)
    if len(data) > MAX_IMAGE_BYTES:
        raise ValueError(f"larger than {MAX_IMAGE_BYTES // 2**20} MB")
    return data


class ImageResolver:
    def __init__(self, source, files, *, dry_run=False, allow_fetch=True):
        self.source = source
        self.files = files
        self.dry_run = dry_run
        self.allow_fetch = allow_fetch
        self.cache = {}
        self.warnings = []
        self.stored = 0
        self.reused = 0

    def drain(self):
        warnings, self.warnings = self.warnings, []
        return warnings

    def __call__(self, url, title=""):
        if not url:
            return None
        if url in self.cache:
            return self.cache[url]
        image = self._resolve(url, title)
        self.cache[url] = image
        return image

    def _resolve(self, url, title):
        local, remote = self.source.image_location(url)
        data, where = None, ""
        if local and self.files.find(local):
            data, where = self.files.read(local), "export"
        elif remote and urlsplit(remote).scheme in ("http", "https") and self.allow_fetch:
            try:
                data, where = fetch(remote), "fetched"
            except (urllib.error.URLError, OSError, ValueError) as error:
                reason = getattr(error, "reason", None) or error
                self.warnings.append(f"image {url} could not be fetched ({reason}): kept as a link")
                return None
        elif not is_safe_url(url):
            self.warnings.append(f"image {url[:120]} has no usable address: left out")
            return None
        else:
            self.warnings.append(f"image {url} is not in the export and cannot be fetched: kept as a link")
            return None
        filename = posixpath.basename(urlsplit(url).path) or "image"
        if "." not in filename:
            filename += mimetypes.guess_extension("image/jpeg") or ".jpg"
        try:
            if self.dry_run:
                with PILImage.open(BytesIO(data)) as probe:
                    probe.verify()
                    if (probe.format or "").lower() not in {"jpeg", "png", "gif", "webp"}:
                        raise ValueError(f"image format {probe.format} is not accepted")
                return WouldStore(url)
            image, created = image_from_bytes(data=data, filename=filename[:100], title=title or filename)
        except Exception as error:  # noqa: BLE001 - any undecodable file is reported, not fatal
            self.warnings.append(f"image {url} ({where}) is not a usable image ({error}): kept as a link")
            return None
        if created:
            self.stored += 1
        else:
            self.reused += 1
        return image
