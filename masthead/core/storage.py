"""Where uploads live: the local disk (embedded default) or S3-compatible object storage.

With `AWS_STORAGE_BUCKET_NAME` set, every upload goes to the bucket through django-storages (the
standard `AWS_*` settings), so any number of app servers and workers share one set of files:

- `MediaStorage` (the default storage: images, renditions, documents). Images and renditions
  are public: their URLs are plain bucket (or CDN, `AWS_S3_CUSTOM_DOMAIN`) URLs that browsers
  and CDNs may cache; they are uploaded with `AWS_PUBLIC_MEDIA_ACL` (public-read), or the bucket
  policy makes only those prefixes readable (docs/deploy.md). Every other object is private. Everything else — Wagtail documents, which may sit in private collections —
  gets a short-lived signed URL (`AWS_PRIVATE_URL_SECONDS`), never the CDN.
- `PrivateStorage` (`storages["newsroom"]`: attachments sent to the newsroom): never public;
  staff download through a permission-checked view that redirects to a signed URL.

Nothing falls back to the disk when the bucket is unreachable or the keys are wrong: the system
check below stops `manage.py` commands (migrate, worker, check) with the reason, and /readyz
reports it.
"""

from django.conf import settings
from django.core.checks import Error, register
from django.core.files.storage import FileSystemStorage, storages
from storages.backends.s3 import S3Storage

# Key prefixes Wagtail writes images (originals) and renditions under: public.
PUBLIC_PREFIXES = ("original_images/", "images/")


def object_storage_enabled():
    return bool(getattr(settings, "AWS_STORAGE_BUCKET_NAME", None))


class PrivateStorage(S3Storage):
    """Objects only signed URLs reach, valid for AWS_PRIVATE_URL_SECONDS; never through the CDN."""

    def __init__(self, **options):
        options.setdefault("querystring_auth", True)
        options.setdefault("querystring_expire", settings.AWS_PRIVATE_URL_SECONDS)
        options.setdefault("custom_domain", None)
        options.setdefault("default_acl", "private")
        super().__init__(**options)


class MediaStorage(S3Storage):
    """Public URLs for images and renditions, signed ones for everything else (see module docstring)."""

    def __init__(self, **options):
        options.setdefault("querystring_auth", False)
        super().__init__(**options)
        self._signed = PrivateStorage(location=self.location)

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        acl = getattr(settings, "AWS_PUBLIC_MEDIA_ACL", "public-read")
        # django-storages passes the whole key, with AWS_LOCATION in front.
        relative = name[len(self.location) :].lstrip("/") if self.location else name
        if is_public(relative):
            # Originals and renditions never change under a name (new uploads get new names).
            params.setdefault("CacheControl", "public, max-age=31536000, immutable")
            if acl:
                # Readable without a signature. Buckets with ACLs disabled (AWS's default for new
                # buckets) set AWS_PUBLIC_MEDIA_ACL="" and make these prefixes public by policy.
                params["ACL"] = acl
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        if is_public(name):
            return super().url(name, parameters, expire, http_method)
        return self._signed.url(name, parameters, expire, http_method)


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
        if isinstance(storage, S3Storage):
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
