"""Substack's export (Settings → Exports): a zip (or its unpacked folder) with `posts.csv` and
one `posts/<post_id>.html` per post, where post_id is "<number>.<slug>".

posts.csv columns: post_id, post_date, is_published, email_sent_at, inbox_sent_at, type,
audience, title, subtitle, podcast_url. Audience `everyone` → public, `only_free` → members,
`only_paid` and `founding` → premium. The paywall sits where Substack put
`<div class="paywall-jump">`. Substack keeps images on its CDN, so they are fetched.
Old addresses are /p/<slug>.
"""

import csv
import io
from urllib.parse import urlsplit

from ..errors import ExportError
from ..files import decode_text
from ..parsed import Article, Unit
from .common import parse_date, truthy

REQUIRED = {"post_id", "post_date", "is_published", "type", "audience", "title"}
AUDIENCE = {"everyone": "public", "only_free": "members", "only_paid": "premium", "founding": "premium"}


class SubstackSource:
    name = "substack"
    kind = "content"

    def __init__(self, files, options):
        self.files = files
        self.options = options
        name = files.find("posts.csv")
        if name is None:
            raise ExportError(f"{files.path}: no posts.csv — is this a Substack export?")
        text = decode_text(files.read(name), what=name)
        reader = csv.DictReader(io.StringIO(text, newline=""))
        missing = REQUIRED - set(reader.fieldnames or [])
        if missing:
            raise ExportError(f"{name}: missing column(s) {', '.join(sorted(missing))} (line 1)")
        self.rows = []
        try:
            for row in reader:
                if None in row or any(value is None for value in row.values()):
                    raise ExportError(f"{name} line {reader.line_num}: wrong number of fields (truncated?)")
                if not row["post_id"].strip():
                    raise ExportError(f"{name} line {reader.line_num}: empty post_id")
                self.rows.append((reader.line_num, row))
        except csv.Error as error:
            raise ExportError(f"{name} line {reader.line_num}: {error}") from error
        site = options.get("site_url") or ""
        self.namespace = f"substack:{urlsplit(site).hostname or options.get('namespace') or 'site'}"

    def count(self):
        return len(self.rows)

    def units(self):
        for line, row in self.rows:
            yield self._post(line, row)

    def _post(self, line, row):
        post_id = row["post_id"].strip()
        slug = post_id.split(".", 1)[1] if "." in post_id else post_id
        notes = []
        html_name = self.files.find(f"posts/{post_id}.html")
        if html_name is None:
            html = ""
            notes.append(("warning", f"posts/{post_id}.html is missing from the export: the body is empty"))
        else:
            html = decode_text(self.files.read(html_name), what=html_name)
        audience = (row.get("audience") or "everyone").strip()
        access = AUDIENCE.get(audience)
        if access is None:
            access = "premium"
            notes.append(("warning", f"audience {audience!r} is unknown: imported as premium"))
        if audience == "founding":
            notes.append(("info", "for founding members only: imported as premium"))
        audio = (row.get("podcast_url") or "").strip()
        if audio:
            # The episode first, as Substack shows it; the converter makes an embed or a link.
            html = f'<audio src="{audio}"></audio>' + html
        if row.get("type") == "thread":
            notes.append(("info", "a discussion thread: imported as an article"))
        published = parse_date(row.get("post_date"), what=f"posts.csv line {line} post_date")
        live = truthy(row.get("is_published"))
        subtitle = (row.get("subtitle") or "").strip()
        return Unit(
            "article",
            post_id,
            Article(
                source_id=post_id,
                title=(row.get("title") or "").strip() or slug,
                slug=slug,
                html=html,
                dek=subtitle[:300],
                subtitle=subtitle,
                status="live" if live else "draft",
                published_at=published,
                access_level=access,
                audio_url=audio,
                old_urls=[f"/p/{slug}"],
                notes=notes + ([] if live else [("info", "not published on Substack: imported as a draft")]),
            ),
            {"row": row, "html": html},
        )

    def image_location(self, url):
        return "", url
