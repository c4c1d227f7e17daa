"""The small newsroom every test database starts with, built with the factories (issue 14).

Not the demo: the demo's 86 articles, two years of dates and a hundred pictures took ~18 s per
test process to load and made tests depend on its stories. This is what tests reach for, and no
more: the site and its home page in two editions (English and Simplified Chinese), the six
sections, the journalists, three articles per section (public, members, premium) over the last
weeks, a few translations both ways, the staff roles and their accounts, the editors' workflow,
and each app's own registered starting data (plans and offers, newsletters, canned replies,
community categories, events) — small, and the same rows `make run` shows.

The demo itself has its own smoke test (tests/content/test_demo.py), which loads it.
"""

from datetime import timedelta

from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from masthead.content.demo import data, data_zh
from masthead.content.demo.loader import Loader
from masthead.content.editions import create_edition
from masthead.content.models import (
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    HomePage,
    NewsroomSettings,
    SectionPage,
)
from masthead.content.renditions import BODY_SPECS, HERO_SPECS, PORTRAIT_SPECS, prewarm
from masthead.content.search_index import rebuild_index
from masthead.core import demo as registered_parts
from masthead.core.identity import FAVICON_SPECS, LOGO_SPECS
from masthead.core.models import PublicationSettings
from masthead.core.origin import site_record_address
from masthead.core.roles import EDITORS

from .factories import (
    ArticlePageFactory,
    AuthorIndexPageFactory,
    AuthorPageFactory,
    ImageFactory,
    SectionPageFactory,
    article_body,
)

NAME = data.SITE["name"]
ACCESS_LEVELS = ("public", "members", "premium")
LEVELS_ZH = {"public": "公开", "members": "会员", "premium": "付费"}
# English articles translated into the Chinese edition, by (section, access level) …
TRANSLATED = (("ai", "public"), ("ai", "premium"), ("fintech", "members"))
# … and the Chinese edition's own stories, by section: a premium one in English too.
CHINESE_ORIGINALS = (("hardware", "public", False), ("hardware", "premium", True))


def build_newsroom(now=None):
    """Build it (in about a second or two) into an empty, migrated database."""
    now = now or timezone.now()
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        with transaction.atomic():
            home = _home()
            site = Site.objects.get(root_page=home)
            _identity(site)
            sections = {s["slug"]: _section(home, s) for s in data.SECTIONS}
            authors = _authors(home)
            zh_home = create_edition(
                "zh-hans", home_title=data_zh.SITE["home_title"], section_titles=data_zh.SECTIONS
            )
            zh_sections = {s.slug: s for s in SectionPage.objects.child_of(zh_home)}
            zh_authors = _zh_authors(home, zh_home, authors)
            english = _articles(sections, list(authors.values()), now)
            _translations(english, zh_sections, zh_authors, sections, authors, now)
            loader = Loader(now=now)
            groups = loader.groups()
            loader.workflow(home, groups[EDITORS])
            loader.users(groups, authors)
            registered_parts.load_registered(site=site, home=home, now=now)
    rebuild_index()
    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)


def _home():
    root = Page.get_first_root_node()
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    Page.objects.filter(pk=welcome.pk).update(slug="wagtail-welcome")
    home = HomePage(title=NAME, slug="home", seo_title=NAME)
    root.add_child(instance=home)
    home.save_revision().publish()
    site.root_page = home
    site.site_name = NAME
    site.hostname, site.port = site_record_address()
    site.save()
    Page.objects.get(pk=welcome.pk).delete()
    return HomePage.objects.get(pk=home.pk)


def _identity(site):
    newsroom = NewsroomSettings.for_site(site)
    newsroom.tagline = data.SITE["tagline"]
    newsroom.about = f"{NAME} is an independent newsroom. Readers fund our work."
    newsroom.save()
    publication = PublicationSettings.load()
    publication.name = publication.sender_name = NAME
    publication.postal_address = data.SITE["postal_address"]
    publication.logo = publication.favicon = ImageFactory(title=f"{NAME} logo")
    publication.save()
    prewarm(publication.logo, LOGO_SPECS + FAVICON_SPECS)


def _section(home, spec):
    return SectionPageFactory(
        parent=home,
        title=spec["title"],
        slug=spec["slug"],
        description=spec["description"],
        color=spec["color"],
    )


def _authors(home):
    index = AuthorIndexPageFactory(parent=home)
    portrait = ImageFactory(title="Portrait")
    prewarm(portrait, PORTRAIT_SPECS)
    return {
        a["slug"]: AuthorPageFactory(
            parent=index, title=a["name"], slug=a["slug"], role=a["role"], email=a["email"], photo=portrait
        )
        for a in data.AUTHORS
    }


def _zh_authors(home, zh_home, authors):
    locale = zh_home.locale
    index = AuthorIndexPage.objects.child_of(home).get()
    zh_index = index.copy_for_translation(locale)
    zh_index.title = data_zh.SITE["authors_title"]
    zh_index.save_revision().publish()
    found = {}
    for slug, author in authors.items():
        translated = author.copy_for_translation(locale).specific
        words = data_zh.AUTHORS.get(slug)
        if words:
            translated.title, translated.role = words["name"], words["role"]
        translated.save_revision().publish()
        found[slug] = translated.specific
    return found


def _articles(sections, authors, now):
    """Three English articles per section, a day apart, the sections taking turns (so the home
    page's latest list takes one story from each and every section keeps some for its block)."""
    hero = ImageFactory(title="Hero")
    prewarm(hero, HERO_SPECS + BODY_SPECS)
    made = {}
    day = 0
    for level in ACCESS_LEVELS:
        for n, (slug, section) in enumerate(sections.items()):
            day += 1
            when = now - timedelta(days=day, hours=n)
            made[slug, level] = ArticlePageFactory(
                parent=section,
                title=f"{section.title} story, {level}",
                slug=f"{slug}-{level}-story",
                access_level=level,
                hero_image=hero,
                date=when,
                published_at=when,
                featured=(slug, level) == ("ai", "premium"),
                authors=[authors[day % len(authors)]],
                tags=[slug, level],
            )
    return made


def _translations(english, zh_sections, zh_authors, sections, authors, now):
    zh_locale = Locale.objects.get(language_code="zh-hans")
    for key in TRANSLATED:
        original = english[key]
        copy = original.copy_for_translation(zh_locale).specific
        copy.title = f"{copy.get_parent().title}报道：{LEVELS_ZH[original.access_level]}"
        copy.slug = f"{original.slug}-zh"
        copy.dek = copy.search_description = f"{copy.title}的摘要。"
        copy.body = article_body(copy.title, premium=original.access_level != "public", language="zh-hans")
        copy.language = "zh-hans"
        copy.date = original.date + timedelta(hours=3)
        copy.save_revision().publish()
    en_locale = Locale.get_default()
    for n, (section, level, in_english) in enumerate(CHINESE_ORIGINALS):
        when = now - timedelta(hours=6 + n)
        original = ArticlePageFactory(
            parent=zh_sections[section],
            title=f"深圳报道{n + 1}：{LEVELS_ZH[level]}",
            slug=f"shenzhen-report-{n + 1}",
            access_level=level,
            language="zh-hans",
            date=when,
            published_at=when,
            authors=[list(zh_authors.values())[n]],
            tags=[section, level],
        )
        if in_english:
            copy = original.copy_for_translation(en_locale).specific
            copy.title = f"Shenzhen report {n + 1}, {level}"
            copy.slug = f"shenzhen-report-{n + 1}-en"
            copy.dek = copy.search_description = f"The dek of {copy.title}."
            copy.body = article_body(copy.title, premium=level != "public")
            copy.language = "en"
            copy.date = when + timedelta(hours=1)
            copy.save_revision().publish()


def handles():
    """Handles on the newsroom's pages, read now: the `demo` fixture (tests/conftest.py)."""
    english = {"locale__language_code": "en"}
    chinese = {"locale__language_code": "zh-hans"}

    class Newsroom:
        home = HomePage.objects.get(**english)
        sections = {s.slug: s for s in SectionPage.objects.filter(**english)}
        articles = ArticlePage.objects.live().filter(**english).order_by("-date")
        authors = {a.slug: a for a in AuthorPage.objects.filter(**english)}

        class zh:
            home = HomePage.objects.get(**chinese)
            sections = {s.slug: s for s in SectionPage.objects.filter(**chinese)}
            articles = ArticlePage.objects.live().filter(**chinese).order_by("-date")
            authors = {a.slug: a for a in AuthorPage.objects.filter(**chinese)}

        @staticmethod
        def untranslated(**filters):
            """An English-edition article that has no Chinese version."""
            zh_keys = ArticlePage.objects.filter(**chinese).values("translation_key")
            live = ArticlePage.objects.live().filter(**english, **filters)
            return live.exclude(translation_key__in=zh_keys).order_by("-date").first()

        @staticmethod
        def article(**filters):
            # An English-edition article unless the filters say otherwise (e.g. locale=...).
            scope = {} if any(key.startswith(("locale", "language")) for key in filters) else english
            return ArticlePage.objects.live().filter(**scope, **filters).order_by("-date").first()

    return Newsroom


def clear_newsroom():
    """Take the newsroom's pages and identity away (inside a test's transaction), leaving what
    migrations leave: for a test that loads the demo the way `make run` does."""
    for page in Page.get_first_root_node().get_children():
        page.delete()
    root = Page.get_first_root_node()
    welcome = Page(title="Welcome to your new Wagtail site!", slug="home")
    root.add_child(instance=welcome)
    hostname, port = site_record_address()
    Site.objects.create(hostname=hostname, port=port, root_page=welcome, is_default_site=True)
    PublicationSettings.objects.all().delete()
