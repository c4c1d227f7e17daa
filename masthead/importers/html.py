"""Imported HTML → article body blocks.

Each top-level piece of the source HTML becomes the block that says what it is: paragraphs
(with bold, italic, links and lists), headings, quotes, images, embeds from known hosts, and the
premium break where the source marked its paywall. What has no block of its own (tables, code,
definition lists) becomes a sanitised-HTML block. Nothing is ever executed: scripts, styles,
frames from unknown hosts, forms, SVG, event handlers and `javascript:`/`data:` links are dropped
(and reported); every paragraph and HTML block also passes content.sanitise on the way in.

Paywall markers understood: Ghost's `<!--members-only-->` (what its paywall card renders to) and
Substack's `<div class="paywall-jump">`.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from masthead.content.sanitise import clean_html, clean_rich_text, is_safe_url

PAYWALL_COMMENTS = {"members-only"}
PAYWALL_CLASSES = {"paywall-jump", "paywall"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
INLINE = {
    "a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup", "time", "u", "font",
}  # fmt: skip
AS_HTML_BLOCK = {"table", "pre", "dl"}
WRAPPERS = {
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "center",
    "body",
    "html",
    "figure",
    "picture",
}
DANGEROUS = {"script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "button", "textarea", "select", "link", "meta", "base", "frame", "frameset", "applet", "template", "noscript"}  # fmt: skip
# Hosts whose players the embed block may show (through Wagtail's oEmbed finders).
EMBED_HOSTS = {
    "youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com", "twitter.com", "x.com",
    "soundcloud.com", "open.spotify.com", "spotify.com", "instagram.com", "tiktok.com", "flickr.com",
}  # fmt: skip


@dataclass
class Conversion:
    blocks: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    image_urls: list = field(default_factory=list)


def embed_host_allowed(url):
    host = (urlsplit(url).hostname or "").lower()
    return any(host == known or host.endswith("." + known) for known in EMBED_HOSTS)


def player_to_page_url(src):
    """An iframe player's address as the page address oEmbed understands."""
    if src.startswith("//"):
        src = "https:" + src
    parts = urlsplit(src)
    host = (parts.hostname or "").lower()
    path = parts.path
    if "youtube" in host and path.startswith("/embed/"):
        return f"https://www.youtube.com/watch?v={path.split('/')[2]}"
    if host == "player.vimeo.com" and path.startswith("/video/"):
        return f"https://vimeo.com/{path.split('/')[2]}"
    if host == "open.spotify.com" and path.startswith("/embed/"):
        return f"https://open.spotify.com/{path[len('/embed/') :]}"
    if host.endswith("soundcloud.com") and "url" in parse_qs(parts.query):
        return parse_qs(parts.query)["url"][0]
    return src


def _text(node):
    return " ".join(node.get_text(" ").split())


def _inline_html(nodes):
    """Inline nodes as the rich text a paragraph stores: <b>, <i>, safe links, <br>."""
    out = []
    for node in nodes:
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            out.append(str(node).replace("<", "&lt;").replace(">", "&gt;"))
            continue
        name = node.name
        if name in DANGEROUS or name == "img":
            continue
        inner = _inline_html(node.children)
        if name in ("b", "strong"):
            out.append(f"<b>{inner}</b>")
        elif name in ("i", "em", "cite"):
            out.append(f"<i>{inner}</i>")
        elif name == "br":
            out.append("<br>")
        elif name == "a":
            href = (node.get("href") or "").strip()
            out.append(f'<a href="{_attr(href)}">{inner}</a>' if is_safe_url(href) else inner)
        elif name in ("ul", "ol"):
            items = "".join(
                f"<li>{_inline_html(li.children)}</li>" for li in node.find_all("li", recursive=False)
            )
            out.append(f"<{name}>{items}</{name}>")
        else:
            out.append(inner)
    return "".join(out)


def _attr(value):
    return value.replace("&", "&amp;").replace('"', "&quot;")


class Converter:
    """Converts one article's HTML. `resolve_image(url, alt)` returns an image (or a stand-in in a
    dry run) or None, in which case the image stays a link and the resolver has said why."""

    def __init__(self, resolve_image):
        self.resolve_image = resolve_image
        self.result = Conversion()
        self.pending_inline = []

    def convert(self, html):
        soup = BeautifulSoup(html or "", "html.parser")
        self._children(soup)
        self._flush()
        blocks = self.result.blocks
        # Only one premium break is allowed; the first one is where the paywall was.
        seen, kept = False, []
        for kind, value in blocks:
            if kind == "premium_break":
                if seen:
                    continue
                seen = True
            kept.append((kind, value))
        while kept and kept[-1][0] == "premium_break":
            kept.pop()
            self.result.warnings.append("a paywall marker at the very end was dropped: nothing follows it")
        self.result.blocks = kept
        return self.result

    # --- walking ---------------------------------------------------------------------------
    def _children(self, parent):
        for node in list(parent.children):
            self._node(node)

    # One branch per HTML element the importer understands: a dispatch table, written as ifs.
    def _node(self, node):  # noqa: C901
        if isinstance(node, Comment):
            if node.strip().lower() in PAYWALL_COMMENTS:
                self._emit("premium_break", None)
            return
        if isinstance(node, NavigableString):
            if str(node).strip():
                self.pending_inline.append(node)
            elif self.pending_inline:
                self.pending_inline.append(node)
            return
        if not isinstance(node, Tag):
            return
        name = node.name.lower()
        classes = set(node.get("class") or [])
        if classes & PAYWALL_CLASSES:
            self._emit("premium_break", None)
            return
        if name in DANGEROUS:
            if name == "iframe":
                self._iframe(node)
            elif name in ("script", "style", "object", "embed", "svg", "form", "applet", "math"):
                self.result.warnings.append(f"a <{name}> element was removed")
            return
        if name in INLINE:
            self.pending_inline.append(node)
            return
        if name == "p":
            self._paragraph(node)
        elif name in HEADINGS:
            text = _text(node)
            if text:
                self._emit("heading", text[:255])
        elif name == "blockquote":
            self._quote(node)
        elif name in ("ul", "ol"):
            self._emit("paragraph", _inline_html([node]))
        elif name == "img":
            self._image(node)
        elif name == "figure" and node.find("img") is not None and not node.find(["table", "iframe"]):
            self._figure(node)
        elif name in AS_HTML_BLOCK:
            cleaned = clean_html(str(node))
            if cleaned:
                self._emit("html", cleaned)
        elif name in ("audio", "video"):
            self._media_link(node)
        elif name == "hr":
            self._flush()
        elif name in WRAPPERS or name in ("figcaption", "li", "dd", "dt", "tbody"):
            self._children(node)
        else:
            self._children(node)

    # --- blocks ----------------------------------------------------------------------------
    def _emit(self, kind, value):
        self._flush()
        self.result.blocks.append((kind, value))

    def _flush(self):
        if not self.pending_inline:
            return
        nodes, self.pending_inline = self.pending_inline, []
        html = clean_rich_text(_inline_html(nodes).strip())
        if html and re.sub(r"<[^>]+>|\s|&nbsp;", "", html):
            self.result.blocks.append(("paragraph", f"<p>{html}</p>"))

    def _paragraph(self, node):
        images = node.find_all("img")
        if images:
            for img in images:
                img.extract()
        self._flush()
        html = clean_rich_text(_inline_html(node.children).strip())
        if html and re.sub(r"<[^>]+>|\s|&nbsp;", "", html):
            self.result.blocks.append(("paragraph", f"<p>{html}</p>"))
        for img in images:
            self._image(img)

    def _quote(self, node):
        cite = node.find(["cite", "footer"])
        attribution = _text(cite) if cite else ""
        if cite:
            cite.extract()
        paragraphs = [_text(p) for p in node.find_all("p")] or [_text(node)]
        text = "\n".join(p for p in paragraphs if p)
        if text:
            self._emit("quote", {"text": text, "attribution": attribution.lstrip("—– -")[:200]})

    def _figure(self, node):
        caption_node = node.find("figcaption")
        caption = _text(caption_node) if caption_node else ""
        self._image(node.find("img"), caption=caption)

    def _image(self, img, caption=""):
        src = (img.get("src") or img.get("data-src") or "").strip()
        if not src:
            return
        alt = (img.get("alt") or "").strip()
        self.result.image_urls.append(src)
        image = self.resolve_image(src, alt or caption)
        if image is not None:
            self._emit("image", {"image": image, "caption": (caption or alt)[:300], "credit": ""})
        elif is_safe_url(src):
            label = caption or alt or src.rsplit("/", 1)[-1]
            self._emit("paragraph", f'<p><a href="{_attr(src)}">{_escape(label)}</a></p>')

    def _iframe(self, node):
        src = (node.get("src") or "").strip()
        url = player_to_page_url(src) if src else ""
        if url and embed_host_allowed(url) and url.startswith("https://"):
            self._emit("embed", url)
        else:
            self.result.warnings.append(f"an embedded frame from an unknown host was removed ({src[:120]})")

    def _media_link(self, node):
        source = node.get("src") or (node.find("source") or {}).get("src") or ""
        if source and embed_host_allowed(source):
            self._emit("embed", source)
        elif is_safe_url(source):
            label = "Listen" if node.name == "audio" else "Watch"
            self._emit("paragraph", f'<p><a href="{_attr(source)}">{label}</a></p>')


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def convert(html, *, resolve_image):
    return Converter(resolve_image).convert(html)
