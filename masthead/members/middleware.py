"""allauth's session activity tracking, throttled.

allauth's UserSessionsMiddleware writes the session's "last seen" time and IP on every request
of a signed-in member: a database write (on SQLite, a write lock) per page view. The account
page only needs "last seen" to the minute, so each process records it at most once per
`TRACK_EVERY` seconds per session. Sign-in itself is recorded by allauth's login signal.
"""

import time

from allauth.usersessions.internal import usersessionkit

TRACK_EVERY = 300
_last_tracked = {}
_MAX_REMEMBERED = 10_000


class ThrottledUserSessionsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        key = session.session_key if session is not None else None
        if key:
            now = time.monotonic()
            last = _last_tracked.get(key)
            if last is None or now - last >= TRACK_EVERY:
                user = getattr(request, "user", None)
                if user is not None and user.is_authenticated:
                    usersessionkit.track_activity(request, user=user, session=session)
                    if len(_last_tracked) >= _MAX_REMEMBERED:
                        _last_tracked.clear()
                    _last_tracked[key] = now
        return self.get_response(request)
