"""A small structured-data checker: schema.org's vocabulary (vendored, see
scripts/vendor_schemaorg_vocabulary.py) and the properties Google's search documentation requires
or recommends for the rich results we want.

Sources of REQUIRED (checked when written):
- NewsArticle: developers.google.com/search/docs/appearance/structured-data/article (Article has no
  required properties; its recommended ones are what a news result shows: headline, image,
  datePublished, dateModified, author with name and url) and .../paywalled-content
  (isAccessibleForFree; hasPart WebPageElement with isAccessibleForFree and cssSelector).
- Event: developers.google.com/search/docs/appearance/structured-data/event (required: name,
  startDate, location — a Place with an address, or a VirtualLocation with a url; recommended:
  description, endDate, eventAttendanceMode, eventStatus, image, offers with availability, price,
  priceCurrency, validFrom and url, organizer with name and url, performer with name).
"""

import json
from datetime import datetime
from pathlib import Path

VOCABULARY = json.loads((Path(__file__).parent / "schemaorg_vocabulary.json").read_text())["types"]

REQUIRED = {
    "NewsArticle": [
        "headline",
        "image",
        "datePublished",
        "dateModified",
        "author",
        "publisher",
        "isAccessibleForFree",
    ],
    "Event": [
        "name",
        "startDate",
        "endDate",
        "location",
        "description",
        "eventAttendanceMode",
        "eventStatus",
        "image",
        "offers",
        "organizer",
    ],
    "Place": ["name", "address"],
    "PostalAddress": ["streetAddress"],
    "VirtualLocation": ["url"],
    "Offer": ["price", "priceCurrency", "availability", "validFrom", "url"],
    "Person": ["name"],
    "Organization": ["name", "url"],
    "NewsMediaOrganization": ["name", "url", "logo"],
    "ImageObject": ["url"],
    "WebPageElement": ["isAccessibleForFree", "cssSelector"],
}
# What a nested value of a property must be (schema.org ranges, narrowed to what we emit).
RANGES = {
    "author": {"Person", "Organization"},
    "performer": {"Person", "Organization"},
    "publisher": {"Organization", "NewsMediaOrganization"},
    "organizer": {"Organization", "NewsMediaOrganization", "Person"},
    "location": {"Place", "VirtualLocation", "PostalAddress"},
    "address": {"PostalAddress"},
    "offers": {"Offer"},
    "logo": {"ImageObject"},
    "hasPart": {"WebPageElement"},
}
DATES = {"datePublished", "dateModified", "startDate", "endDate", "validFrom"}
URLS = {"url", "mainEntityOfPage"}
ENUMERATIONS = {"availability", "eventStatus", "eventAttendanceMode"}


def problems(node, expected=None, path="$"):
    """Every way `node` breaks the rules above, as readable strings (empty: valid)."""
    found = []
    kind = node.get("@type")
    if kind not in VOCABULARY:
        return [f"{path}: unknown @type {kind!r}"]
    if expected and kind not in expected:
        found.append(f"{path}: {kind} where {sorted(expected)} expected")
    for name in REQUIRED.get(kind, []):
        if node.get(name) in (None, "", []):
            found.append(f"{path}: {kind} lacks {name}")
    for name, value in node.items():
        if name.startswith("@"):
            continue
        if name not in VOCABULARY[kind]:
            found.append(f"{path}: {name} is not a property of {kind}")
        for item in value if isinstance(value, list) else [value]:
            where = f"{path}.{name}"
            if isinstance(item, dict):
                found += problems(item, RANGES.get(name), where)
            elif name in DATES and not _aware_iso(item):
                found.append(f"{where}: {item!r} is not an ISO 8601 date-time with a zone")
            elif (name in URLS or name == "image") and not str(item).startswith(("http://", "https://")):
                found.append(f"{where}: {item!r} is not an absolute URL")
            elif name in ENUMERATIONS and not str(item).startswith("https://schema.org/"):
                found.append(f"{where}: {item!r} is not a schema.org enumeration member")
    return found


def _aware_iso(value):
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except (TypeError, ValueError):
        return False
