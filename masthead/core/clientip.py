"""Who is asking: the reader's address, also behind reverse proxies.

Every per-IP limit, allauth's rate limits and sessions, and the audit log call `client_ip(request)`
instead of reading REMOTE_ADDR. Behind nginx REMOTE_ADDR is nginx itself (127.0.0.1), so without
this one limit would count the whole site; believing X-Forwarded-For from anyone would let a
reader pick any address per request and never be limited. The header is believed only as far as
the settings say proxies stand in front of the app servers:

- `TRUSTED_PROXY_COUNT = N`: each of the N proxies appends the address it received the request
  from (nginx's `$proxy_add_x_forwarded_for`), so the reader is the N-th address from the right;
  anything a client wrote further left is ignored. The app servers must then be reachable only
  through those proxies (they listen on 127.0.0.1 or a private network; docs/deploy.md).
- `TRUSTED_PROXIES = ["10.0.0.0/8", ...]`: the header is believed only when REMOTE_ADDR is one
  of these, and the reader is the first address from the right that is not.
- Neither (the default): the header is ignored; the reader is REMOTE_ADDR.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def parse_networks(values):
    """The trusted proxies as networks; a clear error for anything that is not an address or network."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {value!r} is not an IP address or network (e.g. 10.0.0.0/8, 127.0.0.1)."
            ) from None
    return tuple(networks)


@lru_cache(maxsize=8)
def _networks(values):
    return parse_networks(values)


def _address(value):
    """A normalised IP address, or None for anything else (ports and brackets are not expected)."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def _trusted(address, networks):
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in networks)


def client_ip(request):
    """The reader's IP address as a string ("" if the server gave none). Remembered per request."""
    cached = getattr(request, "_masthead_client_ip", None)
    if cached is not None:
        return cached
    ip = resolve(request.META)
    request._masthead_client_ip = ip
    return ip


def resolve(meta):
    """`client_ip` for a WSGI environ / request.META (also used before Django runs)."""
    remote = _address(meta.get("REMOTE_ADDR", "")) or ""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    proxies = tuple(getattr(settings, "TRUSTED_PROXIES", ()))
    if not remote or not (count or proxies):
        return remote
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies:
        networks = _networks(proxies)
        if not _trusted(remote, networks):
            return remote  # a forwarding header from a client that is not our proxy: ignored
        for hop in reversed(forwarded):
            address = _address(hop)
            if address is None:
                return remote  # garbage where a proxy should have written an address
            if not _trusted(address, networks):
                return address
        return remote
    if len(forwarded) < count:
        # Fewer hops than proxies: the request did not come through all of them (e.g. a health
        # check on the app server's own port). What it carries proves nothing.
        return remote
    return _address(forwarded[-count]) or remote


def behind_proxy(meta):
    """True if the request carries a forwarding header (it came through a proxy, or pretends to)."""
    return bool(meta.get("HTTP_X_FORWARDED_FOR") or meta.get("HTTP_X_REAL_IP") or meta.get("HTTP_FORWARDED"))
