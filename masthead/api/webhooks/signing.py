"""Signing deliveries: HMAC-SHA256 over "<timestamp>.<body>" with the target's secret.

    Masthead-Signature: t=1718000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd

The timestamp is part of what is signed, so a receiver that rejects old timestamps (we suggest
five minutes) also rejects replays. docs/api.md has verification snippets for Python and Node.
"""

import hashlib
import hmac

HEADER = "Masthead-Signature"


def signature(secret, timestamp, body):
    message = f"{int(timestamp)}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def header_value(secret, timestamp, body):
    return f"t={int(timestamp)},v1={signature(secret, timestamp, body)}"


def verify(secret, header, body, *, now, tolerance=300):
    """The receiving side, as docs/api.md shows it (tests use it to check what we send)."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), parts.get("v1", ""))
