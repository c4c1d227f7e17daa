"""Structured data for search engines and social cards: schema.org JSON-LD, OpenGraph text.

Descriptions come from the dek, never from the body, so no meta tag can carry premium text.
"""

import json

from masthead.core.identity import publication
from masthead.core.origin import absolute_url, site_origin

# Google's guidance for paywalled content: mark the article not free and name the paywalled part
# by CSS selector (https://developers.google.com/search/docs/appearance/structured-data/paywalled-content).
PAYWALLED_SELECTOR = ".paywalled-content"


def _dump(data):
    # </script> inside a string must not end the script element.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _image_url(request, image, spec="fill-1280x720|format-jpeg"):
    if not image:
        return None
    # Renditions on object storage already have an absolute (bucket or CDN) URL.
    return absolute_url(image.get_rendition(spec).url)


def publisher_json(request):
    """The publication as schema.org sees it (core.identity): name, origin and, if set, its logo."""
    pub = publication()
    data = {"@type": "NewsMediaOrganization", "name": pub.name, "url": site_origin()}
    if pub.logo_id:
        data["logo"] = {"@type": "ImageObject", "url": _image_url(request, pub.logo, "max-600x60|format-png")}
    return data


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
        "publisher": publisher_json(request),
        "articleSection": article.section.title,
        "keywords": [tag.name for tag in tags],
        "wordCount": article.word_count,
        "isAccessibleForFree": free,
    }
    image = _image_url(request, article.hero_image)
    if image:
        data["image"] = [image]
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


def og_image(request, image):
    return _image_url(request, image)
