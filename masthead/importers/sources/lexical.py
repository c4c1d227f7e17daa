"""Ghost's editor formats rendered to HTML: Lexical (Ghost 5+) and Mobiledoc (Ghost 1–4, and
old posts in later versions). Only structure matters here — the result goes through the same
HTML → blocks conversion and sanitiser as any export's HTML, so an unknown card is reported,
never trusted.
"""

import functools
import html
import json


@functools.cache
def _markdown():
    """Ghost's markdown cards' renderer, made on the first import that has one: markdown-it is a
    few megabytes, and the admin's import pages load this module into every web worker (issue 15's
    memory figure)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


# Lexical text format bits.
BOLD, ITALIC, STRIKE, UNDERLINE, CODE = 1, 2, 4, 8, 16


def _e(text):
    return html.escape(text or "", quote=True)


class Rendered:
    def __init__(self):
        self.warnings = []


def _caption(value):
    return value or ""


# One branch per Ghost card kind: a dispatch table, written as ifs.
def card_html(kind, payload, out):  # noqa: C901
    """One Ghost card (the same names and fields in Lexical and Mobiledoc) as HTML."""
    p = payload or {}
    if kind == "paywall":
        return "<!--members-only-->"
    if kind == "image":
        cap = _caption(p.get("caption"))
        img = f'<img src="{_e(p.get("src"))}" alt="{_e(p.get("alt"))}">'
        return f"<figure>{img}<figcaption>{cap}</figcaption></figure>" if cap else f"<figure>{img}</figure>"
    if kind == "gallery":
        return "".join(
            f'<figure><img src="{_e(i.get("src"))}" alt="{_e(i.get("alt"))}"></figure>'
            for i in p.get("images") or []
        )
    if kind == "html":
        return p.get("html") or ""
    if kind == "markdown":
        return _markdown().render(p.get("markdown") or "")
    if kind == "embed":
        url = p.get("url") or ""
        return f'<iframe src="{_e(url)}"></iframe>' if url else (p.get("html") or "")
    if kind == "bookmark":
        url = p.get("url") or ""
        title = ((p.get("metadata") or {}).get("title")) or url
        return f'<p><a href="{_e(url)}">{_e(title)}</a></p>'
    if kind in ("hr", "horizontalrule"):
        return "<hr>"
    if kind in ("code", "codeblock"):
        return f"<pre><code>{_e(p.get('code'))}</code></pre>"
    if kind == "callout":
        return f"<p>{p.get('calloutText') or ''}</p>"
    if kind == "button":
        return f'<p><a href="{_e(p.get("buttonUrl"))}">{_e(p.get("buttonText"))}</a></p>'
    if kind in ("audio", "video", "file"):
        tag = "audio" if kind == "audio" else "video" if kind == "video" else "a"
        if tag == "a":
            return f'<p><a href="{_e(p.get("src"))}">{_e(p.get("fileTitle") or p.get("fileName"))}</a></p>'
        return f'<{tag} src="{_e(p.get("src"))}"></{tag}>'
    if kind == "toggle":
        return f"<h3>{p.get('heading') or ''}</h3>{p.get('content') or ''}"
    if kind == "header":
        return f"<h2>{p.get('header') or ''}</h2><p>{p.get('subheader') or ''}</p>"
    if kind in ("signup", "email", "email-cta", "product", "transistor", "call-to-action"):
        out.warnings.append(f"a Ghost {kind} card has no equivalent here and was left out")
        return ""
    out.warnings.append(f"an unknown Ghost card ({kind}) was left out")
    return ""


# --- Lexical ---------------------------------------------------------------------------------------


def _lexical_text(node):
    text = _e(node.get("text"))
    fmt = node.get("format") or 0
    if isinstance(fmt, int):
        if fmt & CODE:
            text = f"<code>{text}</code>"
        if fmt & BOLD:
            text = f"<b>{text}</b>"
        if fmt & ITALIC:
            text = f"<i>{text}</i>"
    return text


def _lexical(node, out):
    kind = node.get("type")
    children = "".join(_lexical(child, out) for child in node.get("children") or [])
    if kind in ("root",):
        return children
    if kind in ("text", "extended-text"):
        return _lexical_text(node)
    if kind == "linebreak":
        return "<br>"
    if kind in ("link", "autolink"):
        return f'<a href="{_e(node.get("url"))}">{children}</a>'
    if kind == "paragraph":
        return f"<p>{children}</p>"
    if kind in ("heading", "extended-heading"):
        tag = node.get("tag") or "h2"
        return f"<{tag}>{children}</{tag}>"
    if kind in ("quote", "aside", "extended-quote"):
        return f"<blockquote><p>{children}</p></blockquote>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        return f"<{tag}>{children}</{tag}>"
    if kind == "listitem":
        return f"<li>{children}</li>"
    return card_html(kind, node, out)


def lexical_to_html(document):
    out = Rendered()
    data = json.loads(document) if isinstance(document, str) else document
    root = (data or {}).get("root") or {}
    return _lexical(root, out), out.warnings


# --- Mobiledoc ------------------------------------------------------------------------------------


def _markers(markers, markups, out_tags):
    parts, open_stack = [], []
    for marker in markers:
        kind, opens, closes, value = marker[0], marker[1], marker[2], marker[3]
        for index in opens:
            markup = markups[index] if index < len(markups) else ["span"]
            tag, attrs = markup[0], markup[1] if len(markup) > 1 else []
            attr_text = "".join(f' {_e(attrs[i])}="{_e(attrs[i + 1])}"' for i in range(0, len(attrs) - 1, 2))
            parts.append(f"<{tag}{attr_text}>")
            open_stack.append(tag)
        parts.append(_e(value) if kind == 0 else "")
        for _ in range(closes):
            if open_stack:
                parts.append(f"</{open_stack.pop()}>")
    while open_stack:
        parts.append(f"</{open_stack.pop()}>")
    return "".join(parts)


def mobiledoc_to_html(document):
    out = Rendered()
    data = json.loads(document) if isinstance(document, str) else document
    markups = data.get("markups") or []
    cards = data.get("cards") or []
    parts = []
    for section in data.get("sections") or []:
        kind = section[0]
        if kind == 1:
            tag = section[1] or "p"
            parts.append(f"<{tag}>{_markers(section[2], markups, [])}</{tag}>")
        elif kind == 2:
            parts.append(f'<figure><img src="{_e(section[1])}"></figure>')
        elif kind == 3:
            tag = section[1] or "ul"
            items = "".join(f"<li>{_markers(item, markups, [])}</li>" for item in section[2])
            parts.append(f"<{tag}>{items}</{tag}>")
        elif kind == 10:
            name, payload = cards[section[1]] if section[1] < len(cards) else ("unknown", {})
            parts.append(card_html(name, payload, out))
    return "".join(parts), out.warnings
