"""Members' writing: a small Markdown subset, rendered then sanitised (nh3) with an allow-list.

Markdown is parsed with markdown-it-py's "zero" preset plus the few rules we allow, with raw HTML
off, so anything that looks like a tag comes out escaped. nh3 then cleans the result anyway:
the stored `body_html` is only ever what passed the allow-list. Links get
rel="nofollow ugc noopener"; images, scripts and styles are never produced.
"""

import functools
import hashlib
import html as html_lib
import re
import unicodedata

import nh3
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 5000

ALLOWED_TAGS = {"p", "br", "em", "strong", "a", "code", "pre", "blockquote", "ul", "ol", "li"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


@functools.cache
def _markdown():
    """The renderer, made on the first post: markdown-it is a few megabytes that a web worker
    serving only reads never needs (posts are stored rendered; issue 15's memory figure)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("zero", {"html": False, "linkify": False, "breaks": True}).enable(
        ["emphasis", "link", "backticks", "list", "blockquote", "fence", "newline", "escape", "autolink"]
    )


# Refused outright rather than silently escaped: the member sees what is wrong.
_SCRIPTY = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|style|svg|img)\b|javascript\s*:|\bon\w+\s*=", re.I
)


class BodyError(ValueError):
    pass


def check(source):
    """The cleaned source of a post, or BodyError with a message a member can act on."""
    source = (source or "").replace("\r\n", "\n").strip()
    if not source:
        raise BodyError(_("Write something first."))
    if len(source) > MAX_LENGTH:
        raise BodyError(
            _("Keep it under %(max)d characters (this is %(n)d).") % {"max": MAX_LENGTH, "n": len(source)}
        )
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\t" for ch in source):
        raise BodyError(_("The text contains control characters; please retype it."))
    if _SCRIPTY.search(source):
        raise BodyError(_("Scripts, images and HTML tags are not allowed; use plain text and Markdown."))
    return source


def render(source):
    html = _markdown().render(source)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    ).strip()


def clean_html(html):
    """HTML written elsewhere (an imported comment) through the same allow-list as a rendered post."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
        clean_content_tags={"script", "style", "svg", "math", "iframe", "object", "embed", "template"},
        strip_comments=True,
    ).strip()


def fingerprint(source):
    """For duplicate-post detection: the same words, whatever the spacing or case."""
    return hashlib.sha256(" ".join(source.lower().split()).encode()).hexdigest()


def plain(html, limit=300):
    """Sanitised HTML as plain text, for emails' text part and admin lists."""
    text = html_lib.unescape(nh3.clean(html, tags=set()))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
