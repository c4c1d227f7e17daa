"""Signed entitlements: which access variant a signed-in reader's pages may be served from.

The mechanism only; the access app decides the variant (access.entitlements, from the policy).

An entitlement is a cookie, `<member id>.<variant>.<grants version>.<expiry>.<session tag>.<mac>`:
an HMAC (the site's SECRET_KEY, a salt of its own) over everything before it. The page cache
(core.pagecache) checks it without Django's view and without the database:

- the MAC (a forged or edited cookie is worth nothing);
- the expiry (minutes: an entitlement outlives no grant by more than that, and the access app
  shortens it to the next grant boundary, so a membership that ends mid-session ends on time);
- the session tag: a hash of the session cookie it was issued with. Sent beside another
  session (another member's, or none after signing out), it is worth nothing;
- the member's grants version, kept in the shared cache and read in the same round trip as the
  page (one MGET). Any change to a member's grants, signing out, or a cache flush changes the
  version, and every entitlement issued before is stale at once.

Anything that fails a check falls back to the per-request path, which renders the page for
whoever the session says, reissues the cookie, and never gives more than the policy does.

Why a cookie and not a server-side lookup by session: the lookup is a cache read per request
that must be made anyway for the page; the cookie lets the version read ride along with the
page read (one round trip), and a forged cookie costs one HMAC, not a cache read.
"""

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches

COOKIE_NAME = "mh_ent"
# The WSGI environ key through which the page cache hands a verified entitlement to Django
# (not an HTTP header: a client cannot set it).
ENVIRON_KEY = "masthead.entitlement"
VERSION_PREFIX = "entitlement:version:"
# Variants the page cache may serve from its store. Anything else in a cookie is ignored.
CACHEABLE_VARIANTS = ("member", "paying")


def lifetime():
    return int(getattr(settings, "ENTITLEMENT_SECONDS", 300))


@dataclass(frozen=True)
class Entitlement:
    user_id: int
    variant: str
    version: str
    expires: int


def _cache():
    return caches["default"]


def _key():
    # Derived once per SECRET_KEY: a key of its own, so no other signed value can pass for this.
    secret = settings.SECRET_KEY
    cached = _KEYS.get(secret)
    if cached is None:
        cached = hashlib.sha256(b"masthead.entitlement:" + secret.encode()).digest()
        _KEYS.clear()
        _KEYS[secret] = cached
    return cached


_KEYS = {}


def session_tag(session_key):
    return hashlib.sha256(b"mh-ent-session:" + (session_key or "").encode()).hexdigest()[:20]


def _mac(payload):
    return hmac.new(_key(), payload.encode(), hashlib.sha256).hexdigest()[:32]


def sign(*, user_id, variant, version, expires, session_key):
    payload = f"{int(user_id)}.{variant}.{version}.{int(expires)}.{session_tag(session_key)}"
    return f"{payload}.{_mac(payload)}"


def verify(value, session_key, now=None):
    """The Entitlement in cookie `value` if it is genuine, unexpired and issued to this session."""
    if not value or not session_key or len(value) > 200:
        return None
    parts = value.split(".")
    if len(parts) != 6:
        return None
    user_id, variant, version, expires, tag, mac = parts
    if not hmac.compare_digest(mac, _mac(".".join(parts[:5]))):
        return None
    if not hmac.compare_digest(tag, session_tag(session_key)):
        return None
    if not (user_id.isdigit() and expires.isdigit()) or int(expires) <= (now or time.time()):
        return None
    return Entitlement(int(user_id), variant, version, int(expires))


def version_key(user_id):
    return f"{VERSION_PREFIX}{int(user_id)}"


def current_version(user_id):
    """The member's grants version, created (at random) if the cache has none: after a flush,
    no entitlement issued before can match. None while the cache is unreachable."""
    cache = _cache()
    value = cache.get(version_key(user_id))
    if value is None:
        cache.add(version_key(user_id), secrets.token_hex(6), None)
        value = cache.get(version_key(user_id))
    return value


def bump_version(user_id):
    """Make every entitlement issued to `user_id` stale (their grants or session changed)."""
    if user_id is not None:
        _cache().set(version_key(user_id), secrets.token_hex(6), None)


def parse_cookies(header):
    """{name: value} from a Cookie header, without SimpleCookie's cost (the page cache's hot path)."""
    cookies = {}
    for part in header.split(";"):
        name, sep, value = part.partition("=")
        if sep:
            cookies.setdefault(name.strip(), value.strip())
    return cookies


def from_environ(environ):
    """A valid, cacheable entitlement carried by this WSGI request, or None."""
    header = environ.get("HTTP_COOKIE", "")
    if COOKIE_NAME not in header:
        return None
    cookies = parse_cookies(header)
    if "messages" in cookies:  # a flash message waits: the page must be rendered
        return None
    entitlement = verify(cookies.get(COOKIE_NAME), cookies.get(settings.SESSION_COOKIE_NAME))
    if entitlement is None or entitlement.variant not in CACHEABLE_VARIANTS:
        return None
    return entitlement
