"""Rendering an issue: each distinct access variant once, then cheap per-recipient personalisation.

A **variant** is what the access policy lets a recipient read of the issue's articles: a tuple
with one "full?" flag per article, from `masthead.access.reading.peek` (so the meter is never
spent by an email). Recipients who share a variant share one rendering. The rendered message is
kept as the bytes of a complete MIME message with **placeholders** (name, address, unsubscribe
token, Message-ID, tracking id), split once into parts; personalising is a `bytes.join`.
"""

import re
from dataclasses import dataclass
from email.utils import formatdate
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from masthead.access.policy import ANONYMOUS
from masthead.access.reading import peek
from masthead.content.body import plain_text
from masthead.content.readable import readable_blocks
from masthead.core.identity import publication

# Placeholders: ASCII, no spaces or characters any encoder would touch, unlikely in real text.
TO = "@@MH_TO@@"
NAME_HTML = "@@MH_NAMEH@@"
NAME_TEXT = "@@MH_NAMET@@"
TOKEN = "@@MH_TOKEN@@"  # noqa: S105 - a placeholder, not a secret
MSGID = "@@MH_MSGID@@"
TRACK = "@@MH_TRK@@"
PLACEHOLDERS = (TO, NAME_HTML, NAME_TEXT, TOKEN, MSGID, TRACK)
_SPLIT = re.compile("(" + "|".join(re.escape(p) for p in PLACEHOLDERS) + ")")
_SPLIT_BYTES = re.compile(_SPLIT.pattern.encode())
_RELATIVE = re.compile(r'(src|href)="/(?!/)')
_DOT_LINES = re.compile(rb"(?m)^\.")
TRACK_SALT = "masthead.newsletters.track"


class RenderError(Exception):
    pass


def variant_for(reader, articles, now):
    """The variant key for `reader`: one full-text flag per article, decided by the access policy."""
    return tuple(peek(reader, article, now) for article in articles)


def free_variant(articles, now):
    return variant_for(ANONYMOUS, articles, now)


def issue_items(issue, articles, fulls):
    """The body as a list of dicts the templates render; articles carry their readable blocks."""
    by_pk = {a.pk: (a, full) for a, full in zip(articles, fulls, strict=True)}
    items = []
    for block in issue.body:
        if block.block_type == "article":
            page = block.value["article"]
            if page is None or page.pk not in by_pk:
                continue  # unpublished since it was added: left out rather than linking to a 404
            article, full = by_pk[page.pk]
            blocks = readable_blocks(article, full=full) if article.effective_access_level != "public" else []
            items.append(
                {
                    "kind": "article",
                    "article": article,
                    "note": block.value.get("note") or "",
                    "full": full,
                    "premium": article.effective_access_level != "public",
                    "blocks": blocks,
                    "text": plain_text(blocks),
                    "url": settings.SITE_URL + article.url,
                }
            )
        elif block.block_type == "heading":
            items.append({"kind": "heading", "text": block.value})
        else:
            html = block.render()
            items.append({"kind": "text", "html": html, "text": strip_tags(html).strip()})
    return items


def issue_context(issue, articles, fulls, **extra):
    newsletter = issue.newsletter
    return {
        "issue": issue,
        "newsletter": newsletter,
        "items": issue_items(issue, articles, fulls),
        "intro_text": strip_tags(issue.intro).strip(),
        "site_url": settings.SITE_URL,
        "site_name": publication().name,
        # Its postal address is in every footer (anti-spam laws); its name says who sends.
        "publication": publication(),
        "web_url": settings.SITE_URL + reverse("newsletters:issue", args=[newsletter.slug, issue.pk]),
        **extra,
    }


def absolute_links(html):
    return _RELATIVE.sub(lambda m: f'{m.group(1)}="{settings.SITE_URL}/', html)


def short_lines(html):
    """Keep every line well under SMTP's 998-octet limit, so the message goes out as 8bit text
    (Django would switch a long-lined part to quoted-printable, which could split a placeholder)."""
    return re.sub(r">\s*<", ">\n<", html)


def render_variant(issue, articles, fulls, *, tracking=False):
    """(html, text) for one variant, with placeholders for everything personal."""
    newsletter = issue.newsletter
    unsubscribe = settings.SITE_URL + reverse("newsletters:unsubscribe", args=[TOKEN, newsletter.slug])
    manage = settings.SITE_URL + reverse("newsletters:manage", args=[TOKEN])
    context = issue_context(
        issue,
        articles,
        fulls,
        email=True,
        name_html=mark_safe(NAME_HTML),  # noqa: S308 - a placeholder, replaced by the escaped name per recipient
        name_text=NAME_TEXT,
        unsubscribe_url=unsubscribe,
        manage_url=manage,
        pixel_url=(settings.SITE_URL + reverse("newsletters:open", args=[TRACK])) if tracking else "",
    )
    try:
        html = render_to_string("newsletters/email/issue.html", context)
        text = render_to_string("newsletters/email/issue.txt", context)
    except Exception as error:  # a template error must stop the send with a clear message
        raise RenderError(f"{type(error).__name__}: {error}") from error
    html = absolute_links(html)
    if tracking:
        html = track_links(html)
    return short_lines(html), text


def track_links(html):
    """Send links through the click counter: /newsletters/c/<tracking id>/?u=<url>&s=<signature>.

    The URL's signature is computed once per variant; only the tracking id is per recipient.
    """
    signer = signing.Signer(salt=TRACK_SALT)

    def rewrite(match):
        url = match.group(1)
        if TOKEN in url or url.startswith("mailto:"):
            return match.group(0)  # unsubscribe and manage links are never tracked
        query = urlencode({"u": url, "s": signer.signature(url)})
        target = settings.SITE_URL + reverse("newsletters:click", args=[TRACK]) + "?" + query
        return f'href="{escape(target)}"'

    return re.sub(r'href="(https?://[^"]+)"', rewrite, html)


def track_id(delivery_id):
    return signing.Signer(salt=TRACK_SALT).sign(str(delivery_id)).replace(":", ".")


def delivery_from_track_id(value):
    try:
        return int(signing.Signer(salt=TRACK_SALT).unsign(value.replace(".", ":")))
    except (signing.BadSignature, ValueError):
        return None


def headers_for(issue):
    newsletter = issue.newsletter
    unsubscribe = settings.SITE_URL + reverse("newsletters:unsubscribe", args=[TOKEN, newsletter.slug])
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    headers = {
        "Message-ID": f"<{MSGID}@{host}>",
        # RFC 8058: a POST to this URL unsubscribes, with no sign-in and no further step.
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{newsletter.name} <{newsletter.slug}.{host}>",
        "Precedence": "bulk",
        "Date": formatdate(localtime=False),
    }
    if newsletter.reply_to:
        headers["Reply-To"] = newsletter.reply_to
    return headers


def build_message(issue, html, text, *, to=TO, headers=None):
    message = EmailMultiAlternatives(
        issue.subject,
        text,
        issue.newsletter.from_header,
        [to],
        headers=headers or headers_for(issue),
    )
    message.attach_alternative(html, "text/html")
    return message


PERSONAL_HEADERS = ("Message-ID", "List-Unsubscribe")


def _field(placeholder):
    return placeholder.strip("@").removeprefix("MH_").lower()


@dataclass
class MessageTemplate:
    """One variant's message: MIME bytes split around placeholders, plus the strings for non-SMTP
    backends. `fill` returns one recipient's message bytes (dot-stuffed for SMTP DATA)."""

    parts: list
    html: str
    text: str
    issue: object

    @classmethod
    def build(cls, issue, html, text):
        raw = build_message(issue, html, text).message().as_bytes(linesep="\r\n")
        # Every placeholder in the bodies and headers, plus the To header's.
        expected = sum(s.count("@@MH_") for s in (html, text, *headers_for(issue).values())) + 1
        if raw.count(b"@@MH_") != expected:
            # An encoder folded or encoded a placeholder; refuse rather than send it unfilled.
            raise RenderError("the message could not be prepared for personalisation")
        # SMTP's dot-stuffing done once: no personal value ever starts a line (each follows
        # fixed text on its line, and personal_values removes line breaks).
        parts = _SPLIT_BYTES.split(_DOT_LINES.sub(b"..", raw))
        return cls(parts=parts, html=html, text=text, issue=issue)

    def fill(self, values):
        """`values` maps placeholder (bytes) → bytes. Every other part is fixed."""
        parts = self.parts[:]
        for i in range(1, len(parts), 2):
            parts[i] = values[parts[i]]
        return b"".join(parts)

    def as_email(self, values):
        """The same message as an EmailMultiAlternatives, for backends that are not plain SMTP."""
        html, text = self.html, self.text
        headers = headers_for(self.issue)
        for placeholder, value in values.items():
            key = placeholder.decode()
            value = value.decode()
            html = html.replace(key, value)
            text = text.replace(key, value)
            headers = {k: v.replace(key, value) for k, v in headers.items()}
        return build_message(self.issue, html, text, to=values[TO.encode()].decode(), headers=headers)

    def as_batch_email(self, field_format):
        """The message for a provider's batch API: placeholders become its merge fields, and the
        personal headers (Message-ID, List-Unsubscribe) go per recipient (see merge_values)."""
        html, text = self.html, self.text
        for placeholder in PLACEHOLDERS:
            html = html.replace(placeholder, field_format.format(_field(placeholder)))
            text = text.replace(placeholder, field_format.format(_field(placeholder)))
        headers = {k: v for k, v in headers_for(self.issue).items() if k not in PERSONAL_HEADERS}
        return build_message(self.issue, html, text, to="", headers=headers)

    def merge_values(self, values):
        """(merge_data, merge_headers) for one recipient."""
        data = {_field(p.decode()): v.decode() for p, v in values.items()}
        headers = {}
        for name, value in headers_for(self.issue).items():
            if name in PERSONAL_HEADERS:
                for placeholder, replacement in values.items():
                    value = value.replace(placeholder.decode(), replacement.decode())
                headers[name] = value
        return data, headers


def personal_values(*, address, name, token, message_id, tracking_id=""):
    name = " ".join(name.split())  # no line breaks: a value must never start a line (see build)
    address = "".join(address.split())
    return {
        TO.encode(): address.encode(),
        NAME_HTML.encode(): (" " + escape(name) if name else "").encode(),
        NAME_TEXT.encode(): (" " + name if name else "").encode(),
        TOKEN.encode(): token.encode(),
        MSGID.encode(): message_id.encode(),
        TRACK.encode(): tracking_id.encode(),
    }


class Renderer:
    """Renders each variant of one issue at most once, for the life of a send."""

    def __init__(self, issue, *, now):
        self.issue = issue
        self.now = now
        self.articles = issue.articles()
        self.tracking = issue.newsletter.track_engagement
        self.templates = {}

    def variant(self, reader):
        return variant_for(reader, self.articles, self.now)

    def template(self, key, language=None):
        """The message for access variant `key`, in the version a reader of `language` gets
        (issue 20: an issue may have a Chinese version). Each (version, variant) renders once."""
        version = self.issue.version_for(language or self.issue.main_language)
        template = self.templates.get((version, key))
        if template is None:
            issue = self.issue.in_language(version)
            # The template's own words (footer, "read in your browser") in the version's language.
            with translation.override(version):
                html, text = render_variant(issue, self.articles, key, tracking=self.tracking)
                template = MessageTemplate.build(issue, html, text)
            self.templates[(version, key)] = template
        return template
