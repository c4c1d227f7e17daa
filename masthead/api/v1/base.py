"""The admin API's frame: django-ninja, Bearer admin keys with scopes, one error shape.

Why django-ninja: Wagtail 8 already depends on it (no new package), it derives the OpenAPI 3.1
schema from the same type hints that validate requests and shape responses — the schema cannot
drift from the code — and it is lighter per request than DRF (no serializer layer). DRF with
drf-spectacular would also serve; it is already installed for Wagtail's v2 API too, but its
schema comes from a second description of each view.

Errors are `{"error": {"code": "...", "message": "..."}}`: 400 for bad input (ninja's 422
validation errors are answered as 400), 401 without a valid key, 403 for a missing scope, 404,
409 for a conflict, 429 past the key's rate limit. Never a 500 on input.
"""

import json
import math
from typing import Annotated

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Path, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.docs import Swagger, _csrf_needed
from ninja.parser import Parser
from ninja.security import HttpBearer

from masthead.core import ratelimit

from .. import keys
from ..models import ApiKey
from ..scopes import grants
from ..services import api_key_touch


class ErrorDetail(Schema):
    code: str
    message: str


class ErrorOut(Schema):
    error: ErrorDetail


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 429: ErrorOut}
ERRORS_404 = {**ERRORS, 404: ErrorOut}


class ApiError(Exception):
    def __init__(self, status, code, message, headers=None):
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


class AdminKey(HttpBearer):
    """`Authorization: Bearer mh_…`. Sets request.auth to the key's KeyInfo."""

    def authenticate(self, request, token):
        key = keys.lookup(token.strip(), ApiKey.Kind.ADMIN)
        if key is None:
            return None
        limit = settings.API_ADMIN_RATE_LIMIT
        if limit and not ratelimit.hit(f"api:rate:{key.pk}", limit=limit, window=60):
            raise ApiError(
                429,
                "rate_limited",
                _("This key may make %(limit)d requests a minute.") % {"limit": limit},
                headers={"Retry-After": "60"},
            )
        api_key_touch(key_id=key.pk)
        return key


def require(request, scope):
    if not grants(request.auth.scopes, scope):
        raise ApiError(403, "missing_scope", _("This key lacks the %(scope)s scope.") % {"scope": scope})


class LocalSwagger(Swagger):
    """Swagger UI from ninja's own files, served by us (ninja is not in INSTALLED_APPS, which
    would otherwise make it load Swagger from a CDN; settings.NINJA_DIR finds its files)."""

    def render_page(self, request, api, **kwargs):
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {
            "swagger_settings": json.dumps(self.settings, indent=1),
            "api": api,
            "add_csrf": _csrf_needed(api),
        }
        return render(request, self.template, context)


def _has_nul(value):
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


class NoNulParser(Parser):
    """JSON bodies and query strings, refused with a 400 if any text holds a NUL character:
    PostgreSQL cannot store or even compare one (a search for "a\x00b" was a 500 there, found by
    the schema fuzzer), and no address, name or message needs one. Django's forms refuse it the
    same way (ProhibitNullCharactersValidator)."""

    def parse_body(self, request):
        data = super().parse_body(request)
        if _has_nul(data):
            raise _nul_refused()
        return data

    def parse_querydict(self, data, list_fields, request):
        values = super().parse_querydict(data, list_fields, request)
        if _has_nul(values):
            raise _nul_refused()
        return values


def _nul_refused():
    return ApiError(400, "invalid", _("Text may not contain the NUL character (\\u0000)."))


api = NinjaAPI(
    parser=NoNulParser(),
    title="Masthead admin API",
    version="1.0.0",
    description=(
        "Members, memberships, newsletters, events and newsroom threads, for integrations. "
        "Authenticate with an admin API key: `Authorization: Bearer mh_…`. Each key has scopes "
        "(`members:read`, `members:write`, …; write includes read). Published content is read "
        "through the Ghost-compatible Content API at /ghost/api/content/."
    ),
    urls_namespace="masthead_api_v1",
    auth=AdminKey(),
    docs_url="/docs/",
    docs=LocalSwagger(),
)


def _error(request, status, code, message, headers=None):
    response = api.create_response(request, {"error": {"code": code, "message": message}}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    response["Cache-Control"] = "private, no-store"
    return response


@api.exception_handler(ApiError)
def on_api_error(request, exc):
    return _error(request, exc.status, exc.code, exc.message, exc.headers)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    return _error(
        request,
        401,
        "unauthorized",
        _("A valid admin API key is required: Authorization: Bearer <key>. The key may have been revoked."),
    )


@api.exception_handler(ValidationError)
def on_invalid(request, exc):
    problems = "; ".join(
        "{}: {}".format(".".join(str(p) for p in e.get("loc", ())[1:]) or "request", e.get("msg", ""))
        for e in exc.errors
    )
    return _error(request, 400, "invalid", problems[:1000] or _("The request is not valid."))


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    code = {400: "invalid", 404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "error")
    return _error(request, exc.status_code, code, str(exc))


def not_found(what):
    return ApiError(404, "not_found", _("There is no such %(what)s.") % {"what": what})


class PageMeta(Schema):
    page: int
    limit: int
    pages: int
    total: int


def paginate(qs, page, limit):
    """(rows of this page, meta). A page past the end is empty, with the real totals."""
    total = qs.count()
    start = (page - 1) * limit
    rows = list(qs[start : start + limit]) if start < total else []
    return rows, {"page": page, "limit": limit, "pages": max(1, math.ceil(total / limit)), "total": total}


# Database ids are 64-bit: a larger number names no row (and SQLite raises on it rather than
# finding nothing), so it is refused as a 400 like any other out-of-range parameter.
MAX_DB_ID = 2**63 - 1
DbId = Annotated[int, Path(ge=1, le=MAX_DB_ID)]
