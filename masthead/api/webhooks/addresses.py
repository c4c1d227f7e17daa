"""Where webhooks may go: a guard against server-side request forgery.

A newsroom admin types the URL, so the server must not be turned into a way to reach what only
it can reach. Always refused: link-local addresses (169.254.0.0/16 — cloud metadata services —
and fe80::/10), multicast, unspecified and reserved ranges. Refused in production unless
WEBHOOK_ALLOW_PRIVATE_TARGETS is set: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7)
and shared (100.64/10) addresses. Development and tests allow those (receivers run locally).

Checked when a target is saved and again before every delivery (DNS answers change). The check
resolves the name, then the HTTP client resolves it again: a name that changes its answer in
between (DNS rebinding) can still slip through; pin targets to an egress proxy if that matters.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings

from ..errors import ApiRefused


def _always_refused(address):
    return (
        address.is_link_local
        or address.is_multicast
        or address.is_unspecified
        or address.is_reserved
        or (address.version == 6 and address.ipv4_mapped is not None and _always_refused(address.ipv4_mapped))
    )


def _private(address):
    if address.version == 6 and address.ipv4_mapped is not None:
        return _private(address.ipv4_mapped)
    return address.is_loopback or address.is_private or address in ipaddress.ip_network("100.64.0.0/10")


def refusal_for(address, *, allow_private):
    address = ipaddress.ip_address(address)
    if _always_refused(address) or (not allow_private and _private(address)):
        return ApiRefused("url_forbidden", address=str(address))
    return None


def check_target_url(url, *, allow_private=None):
    """Raise ApiRefused unless `url` is http(s) and every address its host resolves to is allowed."""
    if allow_private is None:
        allow_private = settings.WEBHOOK_ALLOW_PRIVATE_TARGETS
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ApiRefused("url_scheme")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as error:
        raise ApiRefused("url_unresolvable", host=parts.hostname) from error
    for info in infos:
        refusal = refusal_for(info[4][0].split("%", 1)[0], allow_private=allow_private)
        if refusal is not None:
            raise refusal
