"""Request ids and the request's context in every log line and audit entry.

Each request gets an id: nginx's `$request_id` (sent as X-Request-ID) when the request came
through a trusted proxy, a fresh one otherwise. It is returned in the X-Request-ID response header,
added to every log record written while the request runs (`%(request_id)s`, or a field of the
JSON lines when LOG_FORMAT=json), and stored with audit entries, so one reader's complaint, the
nginx access log, the app's log lines and the audit trail can be joined.
"""

import contextvars
import logging
import re
import time
import uuid

from django.conf import settings
from django.utils.functional import empty

from .clientip import client_ip

_request_id = contextvars.ContextVar("masthead_request_id", default="")
_client_ip = contextvars.ContextVar("masthead_client_ip", default="")
# What nginx's $request_id and common load balancers send; anything else is replaced.
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")

access_logger = logging.getLogger("masthead.request")


def current_request_id():
    """The id of the request being handled in this thread ("" outside a request)."""
    return _request_id.get()


def current_client_ip():
    """The reader's address for the request being handled ("" outside a request)."""
    return _client_ip.get()


def _proxied(request):
    return bool(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or getattr(settings, "TRUSTED_PROXIES", ()))


def _user_id(request):
    """The signed-in user's id if the request already loaded the user (never a query here)."""
    user = getattr(request, "user", None)
    wrapped = getattr(user, "_wrapped", user)
    if wrapped is None or wrapped is empty:
        return None
    return getattr(wrapped, "pk", None)


class RequestContextMiddleware:
    """Give the request an id, remember who asked, and log one line per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _proxied(request) and _VALID_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        ip = client_ip(request)
        tokens = (_request_id.set(request_id), _client_ip.set(ip))
        started = time.monotonic()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request_id
            return response
        finally:
            if settings.ACCESS_LOG:
                access_logger.info(
                    "%s %s %s",
                    request.method,
                    request.path,
                    status,
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "status": status,
                        "duration_ms": round((time.monotonic() - started) * 1000, 1),
                        "user_id": _user_id(request),
                    },
                )
            _request_id.reset(tokens[0])
            _client_ip.reset(tokens[1])


class RequestContextFilter(logging.Filter):
    """Adds request_id and client_ip to every record (empty outside a request)."""

    def filter(self, record):
        record.request_id = _request_id.get() or "-"
        record.client_ip = _client_ip.get() or "-"
        return True
