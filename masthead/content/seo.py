"""Structured data for search engines and social cards: schema.org JSON-LD, OpenGraph text.

Descriptions come from the dek, never from the body, so no meta tag can carry premium text.
"""

import json

from masthead.core.identity import identity, publication
from masthead.core.origin import absolute_url, site_origin

# Google's guidance for paywalled content: mark the article not free and name the paywalled part
# by CSS selector (https://developers.google.com/search/docs/appearance/structured-data/paywalled-content).
# ".paywalled" is on the premium text for readers with access (`.paywalled-content`) and on the
# paywall that stands in its place for everyone else — crawlers included, so it always matches.
PAYWALLED_SELECTOR = ".paywalled"


def _dump(data):
    # </script> inside a string must not end the script element.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _image_url(request, image, spec="fill-1280x720|format-jpeg"):
    if not image:
        return None
    # Renditions on object storage already have an absolute (bucket or CDN) URL.
    return absolute_url(image.get_rendition(spec).url)


def article_json_ld(request, article, *, free, tags):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.dek,
        "url": article.get_full_url(request),
        "mainEntityOfPage": article.get_full_url(request),
        "datePublished": article.display_date.isoformat() if article.display_date else None,
        "dateModified": (article.last_published_at or article.display_date).isoformat()
        if article.display_date
        else None,
        "inLanguage": "zh-Hans" if article.language == "zh-hans" else "en",
        "author": [
            {
                "@type": "Person",
                "name": author.title,
                "url": author.get_full_url(request),
                "jobTitle": author.role,
            }
            for author in article.authors
        ],
        "publisher": publisher(request),
        "articleSection": article.section.title,
        "keywords": [tag.name for tag in tags],
        "wordCount": article.word_count,
        "isAccessibleForFree": free,
    }
    # Google shows no rich result without an image: the hero, else the publication's share image.
    data["image"] = [_image_url(request, article.hero_image) or identity(request).share_image_url]
    if not free:
        data["hasPart"] = {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": PAYWALLED_SELECTOR,
        }
    return _dump({k: v for k, v in data.items() if v is not None})


def person_json_ld(request, author):
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": author.title,
        "jobTitle": author.role,
        "url": author.get_full_url(request),
    }
    if author.photo:
        data["image"] = _image_url(request, author.photo, "fill-288x288")
    return _dump(data)


def publisher(request):
    """The publication as schema.org sees it (core.identity): name, public origin and logo — the
    newsroom's uploaded one, else the drawn seal."""
    marks = identity(request)
    logo = {"@type": "ImageObject", "url": marks.logo_url}
    if not publication().logo_id:
        logo.update(width=512, height=512)
    return {"@type": "NewsMediaOrganization", "name": marks.name, "url": site_origin() + "/", "logo": logo}


def organization_json_ld(request):
    """For the home page: the publisher itself, so search engines know its name and logo."""
    return _dump({"@context": "https://schema.org", **publisher(request)})
