"""Ghost's JSON export (Settings → Import/Export → Export content), Ghost 4, 5 and 6.

Shape: {"db": [{"meta": {"version": "5.x"}, "data": {"posts": [...], "users": [...], "tags": [...],
"posts_tags": [...], "posts_authors": [...], "posts_meta": [...]}}]} (older files drop the "db"
wrapper). A post's body is in `html` (Ghost's own rendering, with the paywall card rendered as
`<!--members-only-->`), else `lexical` (Ghost 5+), else `mobiledoc`. Images are addressed as
`__GHOST_URL__/content/images/...`: found in the export's files when the zip has them,
fetched from --site-url otherwise.
"""

import json
from urllib.parse import urlsplit

from ..errors import ExportError
from ..files import decode_text
from ..parsed import Article, Author, Unit
from .common import parse_date, permalink, plain
from .lexical import lexical_to_html, mobiledoc_to_html

SUPPORTED_MAJORS = {4, 5, 6}
VISIBILITY = {"public": "public", "members": "members", "paid": "premium", "tiers": "premium"}
STATUS = {"published": "live", "draft": "draft", "scheduled": "scheduled", "sent": "draft"}
GHOST_URL = "__GHOST_URL__"


class GhostSource:
    name = "ghost"
    kind = "content"

    def __init__(self, files, options):
        self.files = files
        self.options = options
        main = files.main_file(".json")
        text = decode_text(files.read(main), what=main)
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise ExportError(
                f"{main}: not valid JSON at line {error.lineno}, column {error.colno} ({error.msg}); "
                "the file may be truncated"
            ) from error
        if isinstance(document, dict) and isinstance(document.get("db"), list) and document["db"]:
            document = document["db"][0]
        if not isinstance(document, dict) or not isinstance(document.get("data"), dict):
            raise ExportError(f'{main}: not a Ghost export (no "db"/"data" object)')
        version = str((document.get("meta") or {}).get("version") or "")
        try:
            major = int(version.split(".")[0])
        except ValueError:
            major = None
        if major not in SUPPORTED_MAJORS:
            raise ExportError(
                f"{main}: Ghost version {version or 'unknown'} is not supported "
                f"(exports from Ghost {', '.join(map(str, sorted(SUPPORTED_MAJORS)))} are)"
            )
        self.version = version
        data = document["data"]
        self.posts = [p for p in data.get("posts") or [] if isinstance(p, dict)]
        for index, post in enumerate(self.posts):
            if not post.get("id") or not post.get("title") and not post.get("slug"):
                raise ExportError(f"{main}: post #{index + 1} has no id or title")
        self.users = {u["id"]: u for u in data.get("users") or [] if isinstance(u, dict) and u.get("id")}
        self.tags = {t["id"]: t for t in data.get("tags") or [] if isinstance(t, dict) and t.get("id")}
        self.meta = {m["post_id"]: m for m in data.get("posts_meta") or [] if m.get("post_id")}
        self.post_tags, self.post_authors = {}, {}
        for link in sorted(data.get("posts_tags") or [], key=lambda link: link.get("sort_order") or 0):
            self.post_tags.setdefault(link.get("post_id"), []).append(link.get("tag_id"))
        for link in sorted(data.get("posts_authors") or [], key=lambda link: link.get("sort_order") or 0):
            self.post_authors.setdefault(link.get("post_id"), []).append(link.get("author_id"))
        site = options.get("site_url") or ""
        self.site_url = site.rstrip("/")
        self.namespace = f"ghost:{urlsplit(site).hostname or options.get('namespace') or 'site'}"

    def count(self):
        return len(self._used_authors()) + len(self.posts)

    def _used_authors(self):
        ids = []
        for post in self.posts:
            for author_id in self.post_authors.get(post["id"]) or [post.get("author_id")]:
                if author_id in self.users and author_id not in ids:
                    ids.append(author_id)
        return ids

    def units(self):
        for author_id in self._used_authors():
            user = self.users[author_id]
            yield Unit(
                "author",
                author_id,
                Author(
                    source_id=author_id,
                    name=user.get("name") or user.get("slug") or "",
                    slug=user.get("slug") or "",
                    email=user.get("email") or "",
                    bio_html=f"<p>{_escape(user.get('bio'))}</p>" if user.get("bio") else "",
                    role=user.get("location") or "",
                    image_url=user.get("profile_image") or "",
                ),
                user,
            )
        for post in self.posts:
            yield self._post(post)

    def _post(self, post):
        meta = self.meta.get(post["id"], {})
        notes = []
        html = post.get("html") or ""
        body_format = "html"
        if not html.strip() and post.get("lexical"):
            html, warnings = lexical_to_html(post["lexical"])
            body_format = "lexical"
            notes += [("warning", w) for w in warnings]
        elif not html.strip() and post.get("mobiledoc"):
            html, warnings = mobiledoc_to_html(post["mobiledoc"])
            body_format = "mobiledoc"
            notes += [("warning", w) for w in warnings]
        html = html.replace(GHOST_URL, self.site_url)
        status = STATUS.get(post.get("status") or "draft")
        if status is None:
            status = "draft"
            notes.append(("warning", f"unknown status {post.get('status')!r}: imported as a draft"))
        if post.get("status") == "sent":
            notes.append(("info", "an email-only post: imported as a draft"))
        visibility = post.get("visibility") or "public"
        access = VISIBILITY.get(visibility)
        if access is None:
            access = "premium"
            notes.append(("warning", f"visibility {visibility!r} is unknown here: imported as premium"))
        published = parse_date(post.get("published_at"), what=f"post {post['id']} published_at")
        tags, internal = [], []
        for tag_id in self.post_tags.get(post["id"], []):
            tag = self.tags.get(tag_id) or {}
            name = (tag.get("name") or "").strip()
            if not name:
                continue
            if name.startswith("#") or tag.get("visibility") == "internal":
                internal.append(name)
            else:
                tags.append(name)
        if internal:
            notes.append(("info", f"internal tags not kept: {', '.join(internal)}"))
        for social in ("og_title", "twitter_title"):
            value = meta.get(social) or post.get(social)
            if value and value != (meta.get("meta_title") or post.get("title")):
                notes.append(("info", f"{social} {value!r} not kept: social cards use the SEO title here"))
        slug = post.get("slug") or ""
        pattern = self.options.get("permalink") or "/{slug}/"
        old_url = permalink(
            "/{slug}/" if post.get("type") == "page" else pattern,
            slug=slug,
            date=published,
            source_id=post["id"],
        )
        excerpt = (
            post.get("custom_excerpt")
            or meta.get("og_description")
            or meta.get("meta_description")
            or post.get("meta_description")
        )
        return Unit(
            "page" if post.get("type") == "page" else "article",
            post["id"],
            Article(
                source_id=post["id"],
                title=post.get("title") or slug,
                slug=slug,
                html=html,
                body_format=body_format,
                is_page=post.get("type") == "page",
                dek=plain(excerpt, 300) if excerpt else "",
                status=status,
                published_at=published,
                access_level=access,
                author_ids=[
                    a for a in self.post_authors.get(post["id"]) or [post.get("author_id")] if a in self.users
                ],
                tags=tags,
                feature_image_url=self.absolute(post.get("feature_image") or meta.get("og_image") or ""),
                feature_image_caption=plain(
                    meta.get("feature_image_caption") or post.get("feature_image_caption") or "", 300
                ),
                featured=bool(post.get("featured")),
                canonical_url=post.get("canonical_url") or "",
                seo_title=meta.get("meta_title") or post.get("meta_title") or "",
                seo_description=meta.get("meta_description") or post.get("meta_description") or "",
                old_urls=[old_url] if old_url else [],
                notes=notes,
            ),
            {"post": post, "meta": meta, "tags": tags, "authors": self.post_authors.get(post["id"])},
        )

    def absolute(self, url):
        return url.replace(GHOST_URL, self.site_url) if url else ""

    def image_location(self, url):
        """(name inside the export, URL to fetch) for an image address in the export."""
        if url.startswith(GHOST_URL):
            path = url[len(GHOST_URL) :].lstrip("/")
            return path, (f"{self.site_url}/{path}" if self.site_url else "")
        parts = urlsplit(url)
        local = parts.path.lstrip("/") if "/content/images/" in parts.path else ""
        return local, url


def _escape(text):
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
