"""The allow-lists for article HTML, and the one function each that applies them (nh3).

Everything that puts HTML into an article body from outside the editor — importers today —
cleans it here; the sanitised-HTML block cleans again when it renders, so a stored value that
escaped cleaning (an old row, a hand-edited revision) still cannot run anything.

Two levels:
- `clean_rich_text`: what a paragraph block may hold (the editor's features: bold, italic,
  links, lists). Wagtail's rich text renders its stored HTML as it is, so nothing else may
  reach it.
- `clean_html`: the sanitised-HTML block, for what has no block of its own (tables, code,
  definition lists). Still no scripts, styles, frames, forms, images, SVG or event handlers;
  links only to http(s) and mailto. The community's Markdown allow-list
  (masthead.community.text) is a subset of this one.
"""

import nh3

URL_SCHEMES = {"http", "https", "mailto"}
RICH_TEXT_TAGS = {"p", "br", "b", "i", "a", "ol", "ul", "li"}
HTML_BLOCK_TAGS = RICH_TEXT_TAGS | {
    "strong",
    "em",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "pre",
    "code",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "figure",
    "figcaption",
    "hr",
    "sup",
    "sub",
    "s",
    "u",
    "small",
    "dl",
    "dt",
    "dd",
    "abbr",
    "cite",
    "q",
    "mark",
    "span",
    "div",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "abbr": {"title"},
}
# Dropped with everything inside them, not just unwrapped: their text is code or markup.
DROPPED_WITH_CONTENT = {"script", "style", "svg", "math", "iframe", "object", "embed", "template", "noscript"}


def _clean(html, tags):
    return nh3.clean(
        html or "",
        tags=tags,
        attributes={tag: attrs for tag, attrs in ATTRIBUTES.items() if tag in tags},
        url_schemes=URL_SCHEMES,
        clean_content_tags=DROPPED_WITH_CONTENT,
        link_rel="noopener",
        strip_comments=True,
    ).strip()


def clean_rich_text(html):
    """HTML a paragraph block may store: the editor's features and nothing else."""
    return _clean(html, RICH_TEXT_TAGS)


def clean_html(html):
    """HTML the sanitised-HTML block may store and render."""
    return _clean(html, HTML_BLOCK_TAGS)


def is_safe_url(url):
    """A link target a reader may follow: http(s) or mailto, nothing scriptable."""
    scheme = (url or "").split(":", 1)[0].strip().lower() if ":" in (url or "") else ""
    return scheme in URL_SCHEMES
