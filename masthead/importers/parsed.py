"""What every source parser yields: plain records in the sources' own terms, ready to import.

A parser reads an export and yields `Unit`s in the order they must be imported (authors before
the articles that name them). `raw` is the source's own data for the object: its checksum says
whether a second import of the same export has anything new.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Author:
    source_id: str
    name: str
    slug: str = ""
    email: str = ""
    bio_html: str = ""
    role: str = ""
    image_url: str = ""


@dataclass
class Comment:
    source_id: str
    author_name: str
    author_email: str
    html: str
    created_at: datetime | None
    parent_id: str = ""
    approved: bool = True


@dataclass
class Article:
    source_id: str
    title: str
    slug: str
    html: str
    # Where the body came from, for messages: "html", "lexical", "mobiledoc", "gutenberg", "classic".
    body_format: str = "html"
    is_page: bool = False
    dek: str = ""
    status: str = "draft"  # draft | live | scheduled
    published_at: datetime | None = None
    access_level: str = "public"
    author_ids: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    section: tuple | None = None  # (slug, title) when the source names one
    feature_image_url: str = ""
    feature_image_caption: str = ""
    featured: bool = False
    canonical_url: str = ""
    seo_title: str = ""
    seo_description: str = ""
    old_urls: list = field(default_factory=list)
    audio_url: str = ""
    subtitle: str = ""
    comments: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # (level, text) the parser wants in the report


@dataclass
class Member:
    source_id: str
    line: int
    email: str
    name: str = ""
    note: str = ""
    labels: list = field(default_factory=list)
    joined_at: datetime | None = None
    subscribed: bool = False  # consented to the newsletters
    newsletters: list = field(default_factory=list)  # names or slugs; empty: the defaults
    complimentary: bool = False
    complimentary_until: datetime | None = None
    paying: bool = False
    customer_ref: str = ""


@dataclass
class Unit:
    kind: str  # author | article | page | member
    source_id: str
    record: object
    raw: object

    @property
    def checksum(self):
        return checksum(self.raw)


def checksum(raw):
    return hashlib.sha256(json.dumps(raw, sort_keys=True, default=str).encode()).hexdigest()
