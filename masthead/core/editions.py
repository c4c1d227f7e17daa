"""The site's editions: English unprefixed (its URLs never changed), Chinese under /zh/.

Django's i18n_patterns would put the Chinese edition under /zh-hans/ (the language code); readers
and links expect the shorter /zh/, so the prefix comes from EDITION_PREFIXES instead. LocaleMiddleware
already reads "/zh/" as zh-hans (the closest supported variant), so only the URL pattern differs.
"""

from django.conf import settings
from django.urls import Resolver404, URLResolver, resolve, translate_url
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

# Language code → URL prefix. The default language has none.
EDITION_PREFIXES = {"zh-hans": "zh"}


def prefix_for(language_code):
    if language_code == settings.LANGUAGE_CODE:
        return ""
    return EDITION_PREFIXES.get(language_code, language_code) + "/"


class EditionPrefixPattern(LocalePrefixPattern):
    def __init__(self):
        super().__init__(prefix_default_language=False)

    @property
    def language_prefix(self):
        return prefix_for(translation.get_language() or settings.LANGUAGE_CODE)


def edition_patterns(*urls):
    """Like i18n_patterns(..., prefix_default_language=False), with the prefixes above."""
    return [URLResolver(EditionPrefixPattern(), list(urls))]


def language_of_path(path):
    """The edition a path is in, by its prefix: "/zh/…" is zh-hans, anything else the default."""
    first = path.lstrip("/").split("/", 1)[0]
    for code, prefix in EDITION_PREFIXES.items():
        if first == prefix:
            return code
    return settings.LANGUAGE_CODE


def edition_url(url, language):
    """`url` (a path, possibly with a query) in `language`'s edition, or None if there is none.

    For the reader's pages outside Wagtail (account, membership, newsletters, …) that is the
    same path under the other prefix. A Wagtail page's slugs differ per language: its other
    version is found through its translations (content.editions), not here — None.
    """
    path = url.split("?", 1)[0].split("#", 1)[0]
    own = language_of_path(path)
    with translation.override(own):
        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.url_name == "wagtail_serve":
            return None
        if language == own:
            return url
        translated = translate_url(url, language)
    # Unchanged: a URL outside the edition patterns (the same in every language).
    return translated if translated != url else None
