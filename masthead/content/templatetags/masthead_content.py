import re

from django import template
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..gate import gate
from ..readable import readable_text
from ..search_text import HAN_RUN, query_terms

register = template.Library()

SNIPPET_CHARS = 220


@register.simple_tag
def month_name(year, month):
    return MONTHS[int(month)] if 1 <= int(month) <= 12 else ""


def snippet_around(text, terms, width=SNIPPET_CHARS):
    """A window of `text` around the first matching term, with matches wrapped in <mark>."""
    if not text:
        return ""
    patterns = [re.escape(t) for t in sorted(terms, key=len, reverse=True) if t]
    matcher = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None
    first = matcher.search(text) if matcher else None
    start = max(0, (first.start() if first else 0) - width // 3)
    end = min(len(text), start + width)
    window = text[start:end]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    if not matcher:
        return escape(prefix + window + suffix)
    out, last = [], 0
    for m in matcher.finditer(window):
        out.append(escape(window[last : m.start()]))
        out.append(f"<mark>{escape(m.group(0))}</mark>")
        last = m.end()
    out.append(escape(window[last:]))
    # Every piece of text is escaped above; the only markup is our own <mark>.
    return mark_safe(escape(prefix) + "".join(out) + escape(suffix))  # noqa: S308


@register.simple_tag(takes_context=True)
def search_snippet(context, article, query):
    """A highlighted excerpt from the text this reader may read without spending anything."""
    request = context.get("request")
    full = gate().may_read_free(request, article, timezone.now()) if request is not None else False
    terms = []
    for term in query_terms(query):
        terms.append(term)
    # Han bigrams highlight better as the original run from the query.
    terms += HAN_RUN.findall(query)
    return snippet_around(readable_text(article, full=full), terms)
