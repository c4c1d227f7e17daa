"""Editions: one page tree per language, the Chinese one a translation of the English one.

Wagtail links a page and its translations by `translation_key`; the site's root page is the
English home, and Wagtail serves `/zh/` from that home's zh-hans translation. This module makes
that tree (home and sections) and answers "the same page in another language" for the language
switch and hreflang alternates.
"""

from django.conf import settings
from django.db import transaction
from django.http import Http404
from wagtail.models import Locale, Page, Site

from masthead.core.cachetags import cached
from masthead.core.editions import language_of_path

from .models import ArticleAuthor, ArticlePage, AuthorPage, HomePage, SectionPage

# BCP 47 as search engines, feeds and `lang` attributes write it (Django's codes are lower case).
HREFLANG = {"zh-hans": "zh-Hans"}


def hreflang(code):
    return HREFLANG.get(code, code)


def default_home():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return (
        site.root_page.specific
        if site
        else HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )


def _publish(page):
    page.save_revision().publish()
    return page


@transaction.atomic
def create_edition(language_code, *, home_title=None, section_titles=None):
    """The edition's home (a translation of the default home) and its sections, created live
    where missing; idempotent. `section_titles`: English slug → (title, description)."""
    section_titles = section_titles or {}
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    home = default_home()
    translated_home = home.get_translation_or_none(locale)
    if translated_home is None:
        translated_home = home.copy_for_translation(locale, exclude_fields=["lead_story"])
        if home_title:
            translated_home.title = home_title
        _publish(translated_home)
    for section in SectionPage.objects.child_of(home).filter(locale=home.locale):
        if section.get_translation_or_none(locale) is not None:
            continue
        copy = section.copy_for_translation(locale)
        title, description = section_titles.get(section.slug, (None, None))
        copy.title = title or copy.title
        copy.description = description or copy.description
        _publish(copy)
    return translated_home.specific


def localise_bylines(page):
    """Point a translated article's bylines at its authors' pages in the article's own edition
    (where those exist), in the page and in its latest revision, so the byline links and the
    author page's listing stay in one edition. Wagtail's copy keeps the original's authors."""
    if not isinstance(page, ArticlePage):
        return
    # Its language is its edition's (an English version of a Chinese original included).
    language = page.locale.language_code
    ArticlePage.objects.filter(pk=page.pk).update(language=language)
    page.language = language
    links = list(ArticleAuthor.objects.filter(article=page).select_related("author"))
    keys = {link.author.translation_key for link in links}
    local = dict(
        AuthorPage.objects.filter(translation_key__in=keys, locale_id=page.locale_id).values_list(
            "translation_key", "pk"
        )
    )
    mapping = {}
    for link in links:
        target = local.get(link.author.translation_key)
        if target and target != link.author_id:
            mapping[link.author_id] = target
            link.author_id = target
            link.save(update_fields=["author"])
    revision = page.latest_revision
    if revision is not None:
        revision.content["language"] = language
        for entry in revision.content.get("article_authors", []):
            entry["author"] = mapping.get(entry.get("author"), entry.get("author"))
        revision.save(update_fields=["content"])


def _per_generation(key, compute):
    """`compute()`, kept in the shared cache with the `site` tag (core.cachetags: publishing,
    unpublishing or moving any page makes it stale), so page views add no query on a hit."""
    return cached(f"editions:{key}", compute, timeout=3600)


def locale_ids():
    """{language code: Locale id}, kept in the shared cache (locales are made by migrations)."""
    return _per_generation("locales", lambda: dict(Locale.objects.values_list("language_code", "pk")))


def edition_locale_id(request):
    """The Locale id of the edition a request reads, decided by its URL's prefix (/zh/… is
    zh-hans, anything else the default edition) — never by the active translation, which a
    previous request in the same thread, or the reader's Accept-Language, may have left in
    another language. The archive, tags, search and feeds list this edition's articles only."""
    code = language_of_path(request.path_info)
    if code != settings.LANGUAGE_CODE and edition_home(code) is None:
        # /zh/archive/ on a site without a (live) Chinese edition: nothing to list, not an empty page.
        raise Http404("No such edition.")
    locale_id = locale_ids().get(code)
    if locale_id is None:
        locale_id = Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()
    if locale_id is None:
        raise Http404("No such edition.")
    return locale_id


def translations(page):
    """{language code: page id} of the live versions of `page` (itself included)."""

    def compute():
        pages = Page.objects.live().filter(translation_key=page.translation_key)
        return dict(pages.values_list("locale__language_code", "pk"))

    return _per_generation(f"tr:{page.translation_key}", compute)


def edition_homes():
    """{language code: page id} of the live edition homes (the default home and its
    translations), in one query, kept per cache generation."""

    def compute():
        roots = Site.objects.filter(is_default_site=True).values("root_page__translation_key")
        homes = HomePage.objects.live().filter(translation_key__in=roots)
        return dict(homes.values_list("locale__language_code", "pk")) or {"": 0}

    return {code: pk for code, pk in _per_generation("homes", compute).items() if code}


def edition_home(language_code):
    """The id of the live home of the edition in `language_code`, or None."""
    return edition_homes().get(language_code)


def page_urls(page_ids, request=None):
    """{page id: (URL, full URL)} for a few pages, in one query plus Wagtail's cached site roots."""
    pages = Page.objects.filter(pk__in=page_ids).select_related("locale")
    return {p.pk: (p.get_url(request), p.get_full_url(request)) for p in pages}


def translation_in(page, language_code=None):
    """`page` (specific) in `language_code`: itself when None or its own language, else its live
    translation. Raises Http404 when there is none (a bad or unpublished edition in a URL)."""
    if language_code is None or language_code == page.locale.language_code:
        return page.specific
    found = Page.objects.live().filter(
        translation_key=page.translation_key, locale__language_code=language_code
    )
    translation = found.first()
    if translation is None:
        raise Http404("No such edition of this article.")
    return translation.specific
