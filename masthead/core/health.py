"""Liveness and readiness: what a load balancer and an operator ask an app server.

- `/healthz` (liveness): "is this process answering?" It is answered before the page cache and
  before Django's middleware (masthead.wsgi wraps the application in `answer_liveness`), touches
  neither the database nor Redis, and says nothing about the environment or the database vendor:
  anyone can call it, so it tells them nothing.
- `/readyz` (readiness): checks the database, the cache, the task queue and media storage, and
  says what each one is doing. Only for operators: a request must carry `READINESS_TOKEN`
  (`Authorization: Bearer <token>`) or come straight from this machine or a private network
  without passing through a proxy; anyone else gets a 404. The database down is "unavailable"
  (503: take this server out of rotation); a broken cache, queue or storage is "degraded" (200):
  readers are still served, from the database, and every app server would say the same.
"""

import hmac
import ipaddress
import json
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .cache import cache_state
from .clientip import behind_proxy
from .storage import check_media_storage

logger = logging.getLogger(__name__)

LIVENESS_PATH = "/healthz"
READINESS_PATH = "/readyz"
LIVENESS_BODY = json.dumps({"status": "ok"}).encode()
_LIVENESS_HEADERS = [
    ("Content-Type", "application/json"),
    ("Content-Length", str(len(LIVENESS_BODY))),
    ("Cache-Control", "no-store"),
]


def answer_liveness(app, django_app=None):
    """WSGI middleware: answer /healthz at once, before anything that could need a database or
    Redis; send /readyz straight to Django (`django_app`), past the page cache, which needs Redis."""

    def application(environ, start_response):
        path = environ.get("PATH_INFO")
        if path == LIVENESS_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            start_response("200 OK", list(_LIVENESS_HEADERS))
            return [b"" if environ["REQUEST_METHOD"] == "HEAD" else LIVENESS_BODY]
        if path == READINESS_PATH and django_app is not None:
            return django_app(environ, start_response)
        return app(environ, start_response)

    return application


class LivenessMiddleware:
    """First in MIDDLEWARE, so nothing before it touches a service: /healthz for servers that do
    not load masthead.wsgi (the test client, a WSGI server pointed at Django directly), and
    /readyz, which must report a broken database or cache rather than fail on it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == LIVENESS_PATH and request.method in ("GET", "HEAD"):
            return liveness(request)
        if request.path_info == READINESS_PATH:
            # Before the site lookup and sessions, which need the database and the cache.
            return readiness(request)
        return self.get_response(request)


def liveness(request):
    response = JsonResponse({"status": "ok"})
    response["Cache-Control"] = "no-store"
    return response


# --- readiness ------------------------------------------------------------------------------


def _timed(check):
    started = time.monotonic()
    try:
        detail = check() or {}
        result = {"status": "ok", **detail}
    except Exception as error:  # noqa: BLE001 - reporting failures is the point
        logger.warning("readiness: %s failed: %s", check.__name__, error)
        result = {"status": "error", "error": f"{type(error).__name__}: {error}"[:300]}
    result["ms"] = round((time.monotonic() - started) * 1000, 1)
    return result


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    # The resilient Redis cache turns errors into misses; its circuit breaker says whether it is
    # currently giving up on Redis (every call a miss until it answers again).
    if cache_state() != "ok":
        raise RuntimeError("the cache is unreachable (circuit breaker open); every read is a miss")
    probe = f"readiness:{time.monotonic_ns()}"
    cache.set(probe, "1", 10)
    if cache.get(probe) != "1":
        raise RuntimeError("a value written to the cache could not be read back")
    cache.delete(probe)


def check_queue():
    backend = settings.TASKS["default"]["BACKEND"]
    # Lazy: only the configured queue backend's client is loaded (the others may not be installed).
    if backend.startswith("django_tasks_rq"):
        import django_rq
        from rq import Worker

        connection = django_rq.get_connection("default")
        connection.ping()
        queue = django_rq.get_queue("default")
        return {"backend": "rq", "waiting": queue.count, "workers": Worker.count(connection=connection)}
    if backend.startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        return {"backend": "database", "waiting": DBTaskResult.objects.ready().count()}
    return {"backend": "immediate"}


def check_storage():
    return check_media_storage()


READINESS_CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "queue": check_queue,
    "storage": check_storage,
}
# Without these the server cannot serve readers at all; the others degrade it.
ESSENTIAL = {"database"}


def readiness_report():
    checks = {name: _timed(check) for name, check in READINESS_CHECKS.items()}
    failed = {name for name, result in checks.items() if result["status"] != "ok"}
    status = "unavailable" if failed & ESSENTIAL else ("degraded" if failed else "ok")
    return {"status": status, "checks": checks}


def _internal(meta):
    """Straight from this machine or a private network, not through a proxy."""
    if behind_proxy(meta):
        return False
    try:
        address = ipaddress.ip_address(meta.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return address.is_loopback or address.is_private


def _authorised(request):
    token = getattr(settings, "READINESS_TOKEN", "")
    if token:
        offered = request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ").strip()
        if offered and hmac.compare_digest(offered.encode(), token.encode()):
            return True
    return _internal(request.META)


@never_cache
@require_GET
def readiness(request):
    if not _authorised(request):
        raise Http404
    report = readiness_report()
    return JsonResponse(report, status=503 if report["status"] == "unavailable" else 200)
