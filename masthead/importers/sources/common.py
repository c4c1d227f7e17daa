"""Small helpers the source parsers share: dates, text, permalinks."""

import html
import re
from datetime import UTC, datetime

from dateutil import parser as date_parser
from django.utils.html import strip_tags

from ..errors import ExportError


def parse_date(value, *, what=""):
    """A timezone-aware datetime from the many ways exports write one, or None when empty.
    Naive values are UTC (Ghost, Substack and WordPress's *_gmt fields all write UTC)."""
    if value in (None, "", "0000-00-00 00:00:00"):
        return None
    if isinstance(value, int | float):
        # Ghost writes milliseconds since the epoch in places.
        return datetime.fromtimestamp(value / 1000 if value > 10**11 else value, UTC)
    try:
        parsed = date_parser.isoparse(str(value).strip())
    except (ValueError, OverflowError):
        try:
            parsed = date_parser.parse(str(value).strip())
        except (ValueError, OverflowError) as error:
            raise ExportError(f"{what}: {value!r} is not a date") from error
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def plain(html_text, limit=None):
    text = " ".join(html.unescape(strip_tags(html_text or "")).split())
    if limit and len(text) > limit:
        cut = text[: limit - 1].rsplit(" ", 1)[0]
        return cut + "…"
    return text


def truthy(value):
    return str(value or "").strip().lower() in {"1", "true", "yes", "y", "t"}


def permalink(pattern, *, slug, date=None, source_id=""):
    """An old address from a permalink pattern: {slug} {year} {month} {day} {id}."""
    values = {"slug": slug, "id": source_id}
    if date is not None:
        values.update(year=f"{date:%Y}", month=f"{date:%m}", day=f"{date:%d}")
    try:
        path = pattern.format(**values)
    except (KeyError, IndexError):
        return ""
    path = re.sub(r"/+", "/", "/" + path.strip("/") + "/")
    return path
