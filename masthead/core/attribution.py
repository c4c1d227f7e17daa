"""Where a reader came from: the article and the call to action they answered.

A call to action (the paywall's "Sign up free", "Start your free trial", the gift page's sign-up
link) sends the reader on with `next=<the article's path>#via=<cta>`. The fragment is never sent
by browsers, so the article's cached page and its cache key are untouched, yet the `next` value
travels through sign-up and checkout as it already does and is stored where those steps store
it (members' SignupSource, billing's CheckoutSession.next_url). `came_from` reads it back.
"""

from urllib.parse import parse_qs, urlsplit

VIA = "via"
# The calls to action a reader may answer (the access policy's preview reasons, plus gift links).
CTAS = {"membership_required", "meter_used_up", "sign_in_required", "gift_link"}
MAX_PATH = 300


def with_via(next_url, cta):
    """`next_url` with the call to action appended as a fragment (unchanged if there is none)."""
    if not next_url or not cta or "#" in next_url:
        return next_url
    return f"{next_url}#{VIA}={cta}"


def came_from(next_url, _depth=0):
    """(path, cta) a `next` URL leads back to; ("", "") if it names none.

    A `next` may wrap another (the pricing page's "start" sends anonymous readers to sign up with
    next=/membership/start/?price=…&next=/article/#via=…): the innermost one is the article.
    """
    if not next_url or _depth > 3:
        return "", ""
    parts = urlsplit(next_url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return "", ""
    inner = parse_qs(parts.query).get("next")
    if inner:
        path, cta = came_from(inner[0], _depth + 1)
        if path:
            return path, cta
    fragment = parse_qs(parts.fragment)
    cta = (fragment.get(VIA) or [""])[0]
    return parts.path[:MAX_PATH], cta if cta in CTAS else ""
