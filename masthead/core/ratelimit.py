"""Fixed-window counters in the shared cache: the one rate limiter every app uses.

    if not ratelimit.hit(f"newsroom:ip:{ip}", limit=5, window=3600):
        refuse()

Counts live in the default cache (Redis in production, shared by every worker process), so a
limit holds across processes; a window starts with the first attempt and lasts `window` seconds.
"""

from django.core.cache import cache


def hit(key, *, limit, window):
    """Count one attempt under `key`; True if it is within `limit` for the current window."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # the window expired between add and incr: this attempt opens a new one
        cache.set(key, 1, window)
        count = 1
    return count <= limit


def used(key):
    """Attempts counted so far in the current window (0 if none)."""
    return cache.get(key) or 0
