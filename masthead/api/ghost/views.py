"""The Ghost-compatible Content API: plain Django views that answer in Ghost's exact shapes.

Plain views rather than a framework: the shapes, errors and query parameters are Ghost's, not
ours to describe, and a hit must be cheap (a page-cache hit never reaches Django at all).

A request carries a content key (`?key=`, as Ghost's clients send it). The key's reader is an
anonymous visitor, so an anonymous request's 200 is the same bytes for everyone and is marked
`Cache-Control: public` for the page cache (core.pagecache), which invalidates it on publishing
like any page. A signed-in member's browser (a session cookie) is answered for that member —
premium text they may read — and privately, so it is never stored.
"""

import uuid

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from masthead.access.readers import reader_for_request
from masthead.core import ratelimit
from masthead.core.caching import cacheable_for, mark_cacheable, read_param

from .. import keys
from ..models import ApiKey
from ..services import api_key_touch
from . import resources
from .params import BadRequest, parse

CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept-Version, Authorization, Content-Type",
    "Access-Control-Max-Age": "86400",
}
# Ghost answers with the version it speaks; clients log a warning when it is missing.
CONTENT_VERSION = "v6.0"


def _cors(response):
    for name, value in CORS.items():
        response[name] = value
    response["Content-Version"] = CONTENT_VERSION
    return response


def error(status, kind, message, context=None, headers=None):
    body = {
        "errors": [
            {
                "message": message,
                "context": context,
                "type": kind,
                "details": None,
                "property": None,
                "help": None,
                "code": None,
                "id": str(uuid.uuid4()),
                "ghostErrorCode": None,
            }
        ]
    }
    response = JsonResponse(body, status=status, headers=headers)
    mark_cacheable(response, personal=True)
    return _cors(response)


def _authenticate(request):
    raw = request.GET.get("key", "")
    if not raw:
        return None, error(401, "UnauthorizedError", _("Authorization failed"), _("Missing Content API key."))
    key = keys.lookup(raw, ApiKey.Kind.CONTENT)
    if key is None:
        return None, error(
            401, "UnauthorizedError", _("Unknown Content API Key"), _("The key is unknown or revoked.")
        )
    limit = settings.API_CONTENT_RATE_LIMIT
    if limit and not ratelimit.hit(f"api:rate:{key.pk}", limit=limit, window=60):
        return None, error(
            429,
            "TooManyRequestsError",
            _("Too many requests"),
            _("This key may make %(limit)d requests a minute.") % {"limit": limit},
            headers={"Retry-After": "60"},
        )
    api_key_touch(key_id=key.pk)
    return key, None


# The query parameters every Content API answer depends on, all checked by `parse` (or the key
# lookup) before an answer exists: the page cache stores answers under exactly these.
READ_PARAMS = ("key", "limit", "page", "filter", "include", "fields", "formats", "order")


def _answer(request, body):
    for name in READ_PARAMS:
        if name in request.GET:
            read_param(request, name, request.GET[name])
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")})
    return _cors(cacheable_for(request, response))


def endpoint(view):
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _cors(HttpResponse(status=204))
        if request.method not in ("GET", "HEAD"):
            return error(405, "MethodNotAllowedError", _("The Content API is read-only."))
        _key, refusal = _authenticate(request)
        if refusal is not None:
            return refusal
        try:
            return view(request, *args, **kwargs)
        except BadRequest as bad:
            return error(400, "BadRequestError", _("Bad request"), str(bad))

    wrapped.csrf_exempt = True
    return wrapped


@endpoint
def browse(request, resource):
    if resource not in resources.RESOURCES:
        return error(404, "NotFoundError", _("Resource not found"), f"There is no {resource!r} resource.")
    browse_fn, _read_fn, orders, default_order = resources.RESOURCES[resource]
    params = parse(request.GET, orders=orders, default_order=default_order)
    now = timezone.now()
    page = browse_fn(request, params, reader=reader_for_request(request, now), now=now)
    return _answer(request, {resource: page.records, "meta": resources.pagination(params, page.total)})


@endpoint
def read(request, resource, id=None, slug=None):
    if resource not in resources.RESOURCES or resources.RESOURCES[resource][1] is None:
        return error(
            404, "NotFoundError", _("Resource not found"), f"{resource!r} cannot be read one by one."
        )
    _browse_fn, read_fn, orders, default_order = resources.RESOURCES[resource]
    params = parse(request.GET, orders=orders, default_order=default_order)
    now = timezone.now()
    record = read_fn(request, params, reader=reader_for_request(request, now), now=now, id=id, slug=slug)
    if record is None:
        name = resources.NOT_FOUND[resource]
        return error(
            404, "NotFoundError", _("Resource not found error, cannot read %(name)s.") % {"name": name}
        )
    return _answer(request, {resource: [record]})


@endpoint
def site_settings(request):
    return _answer(request, {"settings": resources.site_settings(request), "meta": {}})
