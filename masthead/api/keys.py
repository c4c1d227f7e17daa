"""Making and checking API keys.

Content keys are 26 hexadecimal characters, because Ghost's clients refuse any other shape
(`@tryghost/content-api` checks /[0-9a-f]{26}/). They are meant to be public — embedded in a
front-end — and only ever read what an anonymous visitor may read. Admin keys are longer
(`mh_` + 43 URL-safe characters) and go in an `Authorization: Bearer` header.

Only the SHA-256 of a key is stored. A lookup is answered from a per-process table kept for the
current page-cache generation: revoking a key bumps the generation (it must also drop the
Content API responses cached under that key), so a revoked key stops working within about a
second in every process, and a valid key costs no query.
"""

import hashlib
import secrets
from dataclasses import dataclass

from masthead.core import cachetags
from masthead.core.caching import fragment_generation

from .models import ApiKey

ADMIN_PREFIX = "mh_"


@dataclass(frozen=True)
class KeyInfo:
    pk: int
    name: str
    kind: str
    scopes: tuple


def hash_key(raw):
    return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def new_key(kind):
    if kind == ApiKey.Kind.CONTENT:
        return secrets.token_hex(13)  # 26 hex characters
    return ADMIN_PREFIX + secrets.token_urlsafe(32)


_known = cachetags.ProcessCache("api.keys", 1000)
_UNKNOWN = object()


def lookup(raw, kind):
    """The active key of this kind matching `raw`, or None."""
    if not raw or len(raw) > 200:
        return None
    digest = hash_key(raw)
    generation = fragment_generation()
    info = _known.get(digest, generation, _UNKNOWN)
    if info is _UNKNOWN:
        row = (
            ApiKey.objects.filter(key_hash=digest, revoked_at__isnull=True)
            .values_list("pk", "name", "kind", "scopes")
            .first()
        )
        info = KeyInfo(row[0], row[1], row[2], tuple(row[3] or ())) if row else None
        _known.set(digest, info, generation)
    return info if info is not None and info.kind == kind else None


def forget():
    _known.clear()
