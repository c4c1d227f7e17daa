"""WordPress's WXR export (Tools → Export), versions 1.0–1.2: posts, pages, categories, tags,
authors, featured images, comments, statuses and sticky posts.

The XML is read with defusedxml (no entity expansion, no external entities). Bodies are either
Gutenberg (HTML between `<!-- wp:... -->` comments: the comments are dropped, embeds become
embeds) or classic (paragraphs by blank lines, as WordPress's wpautop makes them). Shortcodes
are read as text and turned into what they stand for — [caption], [embed], [gallery], [audio],
[video], [youtube] — or removed with a warning; none is ever run. Attachments give featured
images and galleries their files; uploads are found in the export's files (a zip or folder
with wp-content/uploads) or fetched from their URL.
"""

import html as html_lib
import json
import re
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..errors import ExportError
from ..parsed import Article, Author, Comment, Unit
from .common import parse_date, plain, truthy

NS = {
    "wp": "http://wordpress.org/export/{v}/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/{v}/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")
STATUS = {"publish": "live", "future": "scheduled", "draft": "draft", "pending": "draft", "private": "draft"}
SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][\w-]*)([^\]]*)\](?:(.*?)\[/\2\])?", re.S)
ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*\'([^\']*)\'|([\w-]+)\s*=\s*([^\s\'"]+)')
EMBED_BLOCK = re.compile(
    r"<!--\s*wp:(?:core-)?embed(?:/[\w-]+)?\s+(\{.*?\})\s*-->(.*?)<!--\s*/wp:(?:core-)?embed(?:/[\w-]+)?\s*-->",
    re.S,
)
BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)


class WordPressSource:
    name = "wordpress"
    kind = "content"

    def __init__(self, files, options):
        self.files = files
        self.options = options
        main = files.main_file(".xml")
        data = files.read(main)
        try:
            root = fromstring(data)
        except ParseError as error:
            line, column = error.position
            raise ExportError(
                f"{main}: not well-formed XML at line {line}, column {column}; the file may be truncated"
            ) from error
        except DefusedXmlException as error:
            raise ExportError(
                f"{main}: refused ({error.__class__.__name__}: entities are not allowed)"
            ) from error
        channel = root.find("channel")
        version = None
        for v in SUPPORTED_VERSIONS:
            found = channel.find(f"{{{NS['wp'].format(v=v)}}}wxr_version") if channel is not None else None
            if found is not None:
                version = v
                break
        if channel is None or version is None:
            raise ExportError(
                f"{main}: not a WordPress export (WXR {', '.join(SUPPORTED_VERSIONS)}); "
                "export from Tools → Export in WordPress"
            )
        self.ns = {key: value.format(v=version) for key, value in NS.items()}
        self.channel = channel
        base = self._text(channel, "wp:base_blog_url") or self._text(channel, "link")
        self.site_url = (options.get("site_url") or base or "").rstrip("/")
        self.namespace = f"wordpress:{urlsplit(self.site_url).hostname or options.get('namespace') or 'site'}"
        self.authors = {}
        for node in channel.findall("wp:author", self.ns):
            login = self._text(node, "wp:author_login")
            if login:
                self.authors[login] = node
        self.categories = {}
        for node in channel.findall("wp:category", self.ns):
            self.categories[self._text(node, "wp:category_nicename")] = (
                self._text(node, "wp:cat_name"),
                self._text(node, "wp:category_description"),
            )
        self.items = channel.findall("item")
        self.attachments = {}
        for item in self.items:
            if self._text(item, "wp:post_type") == "attachment":
                self.attachments[self._text(item, "wp:post_id")] = self._text(item, "wp:attachment_url")
        self.posts = [i for i in self.items if self._text(i, "wp:post_type") in ("post", "page")]
        self.categories_as = options.get("categories") or "sections"

    def _text(self, node, path):
        found = node.find(path, self.ns) if node is not None else None
        return (found.text or "").strip() if found is not None and found.text else ""

    def count(self):
        return len(self._used_authors()) + len(self.posts)

    def _used_authors(self):
        logins = []
        for item in self.posts:
            login = self._text(item, "dc:creator")
            if login and login not in logins:
                logins.append(login)
        return logins

    def units(self):
        for login in self._used_authors():
            node = self.authors.get(login)
            name = (self._text(node, "wp:author_display_name") if node is not None else "") or login
            raw = {
                "login": login,
                "name": name,
                "email": self._text(node, "wp:author_email") if node is not None else "",
            }
            yield Unit(
                "author", login, Author(source_id=login, name=name, slug=login, email=raw["email"]), raw
            )
        for item in self.posts:
            yield self._post(item)

    def _meta(self, item):
        return {
            self._text(meta, "wp:meta_key"): self._text(meta, "wp:meta_value")
            for meta in item.findall("wp:postmeta", self.ns)
        }

    def _post(self, item):
        post_id = self._text(item, "wp:post_id")
        post_type = self._text(item, "wp:post_type")
        notes = []
        raw_status = self._text(item, "wp:status")
        status = STATUS.get(raw_status)
        if status is None:
            status = "skip"
        if raw_status == "private":
            notes.append(("warning", "a private post: imported as a draft"))
        if self._text(item, "wp:post_password"):
            status = "draft"
            notes.append(
                ("warning", "password-protected: imported as a draft (there are no post passwords here)")
            )
        body = self._content(item)
        html, warnings = self.body_html(body)
        notes += [("warning", w) for w in warnings]
        meta = self._meta(item)
        section, tags = None, []
        for node in item.findall("category"):
            domain, nicename, name = node.get("domain"), node.get("nicename") or "", (node.text or "").strip()
            if domain == "category":
                if self.categories_as == "sections" and section is None and nicename != "uncategorized":
                    section = (nicename, name)
                elif nicename != "uncategorized":
                    tags.append(name)
            elif domain == "post_tag" and name:
                tags.append(name)
        published = parse_date(
            self._text(item, "wp:post_date_gmt") or self._text(item, "wp:post_date"),
            what=f"post {post_id} date",
        )
        link = self._text(item, "link")
        old_urls = []
        if link and status == "live":
            path = urlsplit(link).path or "/"
            query = urlsplit(link).query
            old_urls.append(path + (f"?{query}" if query else ""))
        # Not "/?p=<id>": that address is the home page, which exists, and Wagtail's redirects
        # only answer addresses that would otherwise be a 404.
        thumbnail = self.attachments.get(meta.get("_thumbnail_id", ""), "")
        excerpt = self._text(item, "excerpt:encoded")
        comments = []
        for node in item.findall("wp:comment", self.ns):
            approved = self._text(node, "wp:comment_approved")
            kind = self._text(node, "wp:comment_type")
            if approved in ("spam", "trash") or kind in ("pingback", "trackback"):
                continue
            comments.append(
                Comment(
                    source_id=self._text(node, "wp:comment_id"),
                    author_name=self._text(node, "wp:comment_author"),
                    author_email=self._text(node, "wp:comment_author_email"),
                    html=_autop(self._text(node, "wp:comment_content")),
                    created_at=parse_date(
                        self._text(node, "wp:comment_date_gmt") or self._text(node, "wp:comment_date")
                    ),
                    parent_id=self._text(node, "wp:comment_parent").strip("0")
                    and self._text(node, "wp:comment_parent"),
                    approved=approved == "1",
                )
            )
        title = html_lib.unescape(self._text(item, "title"))
        raw = {
            "id": post_id,
            "title": title,
            "body": body,
            "status": raw_status,
            "excerpt": excerpt,
            "meta": meta,
            "section": section,
            "tags": tags,
            "date": str(published),
            "comments": [c.__dict__ for c in comments],
            "sticky": self._text(item, "wp:is_sticky"),
        }
        return Unit(
            "page" if post_type == "page" else "article",
            post_id,
            Article(
                source_id=post_id,
                title=title or self._text(item, "wp:post_name") or f"Post {post_id}",
                slug=self._text(item, "wp:post_name") or "",
                html=html,
                body_format="gutenberg" if "<!-- wp:" in body else "classic",
                is_page=post_type == "page",
                dek=plain(excerpt, 300) if excerpt else "",
                status=status,
                published_at=published,
                access_level="public",
                author_ids=[self._text(item, "dc:creator")] if self._text(item, "dc:creator") else [],
                tags=tags,
                section=section if post_type == "post" else None,
                feature_image_url=thumbnail,
                featured=truthy(self._text(item, "wp:is_sticky")),
                canonical_url=meta.get("_yoast_wpseo_canonical", ""),
                seo_title=meta.get("_yoast_wpseo_title", "")
                if "%%" not in meta.get("_yoast_wpseo_title", "")
                else "",
                seo_description=meta.get("_yoast_wpseo_metadesc", ""),
                old_urls=old_urls,
                comments=comments,
                notes=notes,
            ),
            raw,
        )

    def _content(self, item):
        return self._text(item, "content:encoded")

    def body_html(self, body):
        """A post's stored content as plain HTML: block comments gone, shortcodes resolved."""
        warnings = []

        def embed(match):
            try:
                url = json.loads(match.group(1)).get("url", "")
            except ValueError:
                url = ""
            return f'<iframe src="{html_lib.escape(url)}"></iframe>' if url else match.group(2)

        if "<!-- wp:" in body:
            body = EMBED_BLOCK.sub(embed, body)
            body = BLOCK_COMMENT.sub("", body)
        else:
            body = _autop(body)
        body = SHORTCODE.sub(lambda m: self._shortcode(m, warnings), body)
        return body, warnings

    def _shortcode(self, match, warnings):
        closing, name, attrs_text, inner = (
            match.group(1),
            match.group(2).lower(),
            match.group(3),
            match.group(4),
        )
        attrs = {}
        for m in ATTRIBUTE.finditer(attrs_text or ""):
            key = m.group(1) or m.group(3) or m.group(5)
            attrs[key.lower()] = m.group(2) if m.group(1) else m.group(4) if m.group(3) else m.group(6)
        positional = (attrs_text or "").strip().lstrip("=").strip()
        if name in ("caption", "wp_caption"):
            inner = inner or ""
            images = re.findall(r"(<a\b[^>]*>\s*)?(<img\b[^>]*>)(\s*</a>)?", inner)
            caption = re.sub(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", "", inner).strip() or attrs.get(
                "caption", ""
            )
            img = images[0][1] if images else ""
            return f"<figure>{img}<figcaption>{caption}</figcaption></figure>"
        if name == "embed":
            return f'<iframe src="{html_lib.escape((inner or "").strip())}"></iframe>'
        if name in ("youtube", "vimeo"):
            url = attrs.get("url") or attrs.get("src") or positional.split()[0] if positional else ""
            return f'<iframe src="{html_lib.escape(url)}"></iframe>' if url else ""
        if name in ("audio", "video"):
            src = attrs.get("src") or attrs.get("mp3") or attrs.get("mp4") or ""
            return f'<{name} src="{html_lib.escape(src)}"></{name}>' if src else ""
        if name == "gallery":
            ids = [i.strip() for i in attrs.get("ids", "").split(",") if i.strip()]
            found = [self.attachments[i] for i in ids if i in self.attachments]
            if len(found) < len(ids):
                warnings.append(f"[gallery]: {len(ids) - len(found)} image(s) not in the export")
            return "".join(f'<figure><img src="{html_lib.escape(url)}"></figure>' for url in found)
        if closing or (not attrs and inner is None):
            # "[sic]", "[1]"-like text, or a stray closing tag: text, not a shortcode.
            return match.group(0) if not closing else ""
        warnings.append(f"shortcode [{name}] was not run; its text was kept")
        return inner or ""

    def image_location(self, url):
        parts = urlsplit(url)
        local = (
            parts.path.lstrip("/")
            if "/wp-content/uploads/" in parts.path or parts.path.startswith("/wp-content/")
            else ""
        )
        return local, url if parts.scheme in ("http", "https") else ""


BLOCK_START = re.compile(
    r"^(<(p|div|h[1-6]|ul|ol|blockquote|pre|table|figure|hr|dl|iframe|audio|video)\b|\[(caption|wp_caption|embed|gallery|audio|video|youtube|vimeo)\b)",
    re.I,
)


def _autop(text):
    """WordPress's wpautop, simplified: blank lines separate paragraphs, a single newline is a
    line break, and a chunk that starts with block-level HTML (or a block shortcode) stays as it is."""
    out = []
    for chunk in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")):
        chunk = chunk.strip()
        if not chunk:
            continue
        out.append(chunk if BLOCK_START.match(chunk) else "<p>" + chunk.replace("\n", "<br>") + "</p>")
    return "".join(out)
