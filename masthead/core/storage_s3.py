"""The S3-compatible storages (module docstring of `core.storage`). Imported only through the
STORAGES setting when `AWS_STORAGE_BUCKET_NAME` is set, so a site on the local disk never loads
boto3 (about 37 MB per process)."""

import errno

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from storages.backends.s3 import S3Storage

from .storage import StorageFailed, is_public


class _FailingClearly:
    """A write the object store refuses (unreachable, wrong keys, quota) is a StorageFailed."""

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except (BotoCoreError, ClientError) as error:
            raise StorageFailed(name, OSError(errno.EIO, str(error))) from error


class S3PrivateStorage(_FailingClearly, S3Storage):
    """Objects only signed URLs reach, valid for AWS_PRIVATE_URL_SECONDS; never through the CDN."""

    def __init__(self, **options):
        options.setdefault("querystring_auth", True)
        options.setdefault("querystring_expire", settings.AWS_PRIVATE_URL_SECONDS)
        options.setdefault("custom_domain", None)
        options.setdefault("default_acl", "private")
        super().__init__(**options)


class S3MediaStorage(_FailingClearly, S3Storage):
    """Public URLs for images and renditions, signed ones for everything else (see module docstring)."""

    def __init__(self, **options):
        options.setdefault("querystring_auth", False)
        super().__init__(**options)
        self._signed = S3PrivateStorage(location=self.location)

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
