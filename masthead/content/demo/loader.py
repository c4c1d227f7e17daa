"""Load the demo newsroom: sections, journalists, two years of articles, staff and a workflow.

Idempotent: everything is looked up by a natural key (slug, username, image title) and created
only when missing, so a second run creates, changes and publishes nothing.
"""

import hashlib
import logging
import os
import secrets
from datetime import timedelta
from io import BytesIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from masthead.core import demo as core_demo
from masthead.core.identity import FAVICON_SPECS, LOGO_SPECS
from masthead.core.models import PublicationSettings, default_publication_name
from masthead.core.origin import site_record_address
from masthead.core.roles import DOOR_STAFF, EDITORS, FINANCE, MODERATORS, WRITERS, roles_sync

from ..editions import create_edition, localise_bylines
from ..models import (
    ArticleAuthor,
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    HomePage,
    NewsroomSettings,
    SectionPage,
)
from ..renditions import BODY_SPECS, HERO_SPECS, PORTRAIT_SPECS, prewarm
from ..search_index import rebuild_index
from . import data, data_zh
from .images import hero_image, logo_image, portrait_image

DEMO_COLLECTION = "Demo newsroom"
# "Submit to editors" on the writer's button; "Resubmit to editors' approval" after changes.
WORKFLOW_NAME, TASK_NAME = "editors", "editors' approval"
OLD_WORKFLOW_NAME, OLD_TASK_NAME = "Writer submits, editor approves", "Editor approval"
PASSWORD_FILE = "demo-staff-password"  # noqa: S105 - a file name, not a password


class Loader:
    def __init__(self, *, out=None, now=None):
        self.out = out or (lambda message: None)
        self.now = now or timezone.now()
        self.created = 0
        self.Image = get_image_model()

    def log(self, message):
        self.out(message)

    # --- images -----------------------------------------------------------------------------
    def collection(self):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=DEMO_COLLECTION).first()
        return existing or root.add_child(name=DEMO_COLLECTION)

    def image(self, title, make_bytes, filename, specs=()):
        existing = self.Image.objects.filter(title=title, collection=self._collection).first()
        if existing:
            return existing
        content = make_bytes()

        image = self.Image(title=title, collection=self._collection)
        image.file = ImageFile(BytesIO(content), name=filename)
        image.save()
        # Make the renditions now, so the first reader of the demo does not wait for them.
        prewarm(image, specs)
        self.created += 1
        return image

    # --- pages ------------------------------------------------------------------------------
    def home(self):
        home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if home:
            return home
        root = Page.get_first_root_node()
        site = Site.objects.filter(is_default_site=True).first()
        placeholder = site.root_page if site else None
        # Wagtail's installer leaves a "Welcome to your new Wagtail site!" page at /home/; move it
        # out of the way so the newsroom's home page can take its slug, then delete it.
        if placeholder and placeholder.specific_class is Page:
            Page.objects.filter(pk=placeholder.pk).update(slug="wagtail-welcome")
        else:
            placeholder = None
        home = HomePage(title=data.SITE["name"], slug="home", seo_title=data.SITE["name"])
        root.add_child(instance=home)
        home.save_revision().publish()
        # The site record sits on the public origin (SITE_URL), as migrate leaves it.
        hostname, port = site_record_address()
        if site:
            site.root_page = home
            site.site_name = data.SITE["name"]
            site.hostname, site.port = hostname, port
            site.save()
        else:
            Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=home,
                is_default_site=True,
                site_name=data.SITE["name"],
            )
        if placeholder:
            Page.objects.get(pk=placeholder.pk).delete()
        self.created += 1
        return HomePage.objects.get(pk=home.pk)

    def publication(self):
        """The demo's identity: Circuit East everywhere a reader looks (pages, emails, feeds)."""
        publication = PublicationSettings.load()
        if publication.logo_id or publication.name != default_publication_name():
            return  # set by an earlier load, or by hand since: leave it
        mark = self.image(
            f"{data.SITE['name']} logo",
            lambda: logo_image(data.SITE["initials"], color=data.SITE["color"]),
            "circuit-east-logo.png",
        )
        publication.name = data.SITE["name"]
        publication.sender_name = data.SITE["name"]
        publication.postal_address = data.SITE["postal_address"]
        publication.logo = mark
        publication.favicon = mark
        publication.save()
        prewarm(mark, LOGO_SPECS + FAVICON_SPECS)
        self.created += 1

    def settings(self, site):
        newsroom = NewsroomSettings.for_site(site)
        if newsroom.pk and newsroom.tagline:
            return
        newsroom.tagline = data.SITE["tagline"]
        newsroom.about = data.SITE.get(
            "about",
            f"{data.SITE['name']} is an independent newsroom covering how technology is built, financed and "
            "regulated in China, and what it means for the rest of the world. Readers fund our work.",
        )
        newsroom.save()
        self.created += 1

    def child(self, parent, model, slug, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing, False
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page, True

    def sections(self, home):
        return {
            s["slug"]: self.child(
                home, SectionPage, s["slug"], title=s["title"], description=s["description"], color=s["color"]
            )[0]
            for s in data.SECTIONS
        }

    def authors(self, home):
        index, _ = self.child(home, AuthorIndexPage, "authors", title="Our journalists")
        authors = {}
        for a in data.AUTHORS:
            existing = AuthorPage.objects.child_of(index).filter(slug=a["slug"]).first()
            if existing:
                authors[a["slug"]] = existing
                continue
            photo = self.image(
                f"Portrait: {a['name']}",
                lambda a=a: portrait_image(a["name"]),
                f"portrait-{a['slug']}.jpg",
                PORTRAIT_SPECS,
            )
            authors[a["slug"]], _ = self.child(
                index,
                AuthorPage,
                a["slug"],
                title=a["name"],
                role=a["role"],
                bio=f"<p>{escape(a['bio'])}</p>",
                email=a["email"],
                photo=photo,
            )
        return authors

    def body(self, article, section):
        blocks = []
        for n, (kind, value) in enumerate(article["body"]):
            if kind == "paragraph":
                blocks.append(("paragraph", value if value.lstrip().startswith("<p") else f"<p>{value}</p>"))
            elif kind == "heading":
                blocks.append(("heading", value))
            elif kind == "quote":
                blocks.append(("quote", {"text": value["text"], "attribution": value.get("attribution", "")}))
            elif kind == "image":
                picture = self.image(
                    f"Illustration: {article['slug']} #{n}",
                    lambda n=n: hero_image(f"{article['slug']}#{n}", color=section.color, motif=section.slug),
                    f"{article['slug']}-{n}.jpg",
                    BODY_SPECS,
                )
                blocks.append(
                    (
                        "image",
                        {
                            "image": picture,
                            "caption": value.get("caption", ""),
                            "credit": value.get("credit", ""),
                        },
                    )
                )
            elif kind == "premium_break":
                blocks.append(("premium_break", None))
        return blocks

    def publication_time(self, article):
        # Spread articles over the working day, deterministically.
        seed = int(hashlib.sha256(article["slug"].encode()).hexdigest()[:6], 16)
        base = self.now.replace(minute=0, second=0, microsecond=0)
        return base - timedelta(days=article["days_ago"], hours=seed % 9, minutes=seed % 60)

    def articles(self, sections, authors, zh_sections, zh_authors):
        for article in data.ARTICLES:
            chinese = article.get("language") == "zh"
            # Chinese originals live in the Chinese edition (issue 20); their English versions
            # are made from them by `translations`.
            if chinese:
                section, authors_here = zh_sections[article["section"]], zh_authors
            else:
                section, authors_here = sections[article["section"]], authors
            existing = ArticlePage.objects.filter(slug=article["slug"]).first()
            if existing:
                if chinese and existing.locale_id != section.locale_id:
                    self.move_to_edition(existing, section)
                continue
            when = self.publication_time(article)
            hero = self.image(
                f"Hero: {article['slug']}",
                lambda a=article, s=section: hero_image(a["slug"], color=s.color, motif=s.slug),
                f"{article['slug']}.jpg",
                HERO_SPECS,
            )
            page = ArticlePage(
                title=article["title"],
                slug=article["slug"],
                dek=article["dek"],
                hero_image=hero,
                hero_caption=article.get("hero_caption", ""),
                hero_credit=article.get("hero_credit", ""),
                body=self.body(article, section),
                date=when,
                access_level=article["access"],
                language="zh-hans" if article.get("language") == "zh" else "en",
                featured=article.get("featured", False),
                search_description=article["dek"],
            )
            for order, slug in enumerate(article["authors"]):
                page.article_authors.add(ArticleAuthor(author=authors_here[slug], sort_order=order))
            page.tags.add(*article["tags"])
            section.add_child(instance=page)
            self.publish_backdated(page, when)

    def publish_backdated(self, page, when):
        revision = page.save_revision()
        revision.publish()
        # Backdate: the demo's two years of journalism were "published" over two years.
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when, latest_revision_created_at=when
        )
        type(revision).objects.filter(pk=revision.pk).update(created_at=when)
        self.created += 1

    def move_to_edition(self, page, section):
        """A database loaded before issue 20 has the Chinese originals in the English tree."""
        page.move(section, pos="last-child")
        Page.objects.filter(pk=page.pk).update(locale=section.locale_id)
        page = ArticlePage.objects.get(pk=page.pk)
        localise_bylines(page)
        self.created += 1

    # --- the Chinese edition (issue 20) -----------------------------------------------------
    def edition(self, home):
        """The Chinese home and sections (translations of the English ones, Chinese names)."""
        locale = Locale.objects.filter(language_code="zh-hans").first()
        complete = (
            locale is not None
            and home.get_translation_or_none(locale) is not None
            and not any(s.get_translation_or_none(locale) is None for s in SectionPage.objects.child_of(home))
        )
        if not complete:
            self.created += 1
        zh_home = create_edition(
            "zh-hans", home_title=data_zh.SITE["home_title"], section_titles=data_zh.SECTIONS
        )
        return zh_home, {s.slug: s for s in SectionPage.objects.child_of(zh_home)}

    def zh_authors(self, home, zh_home, authors):
        """The journalists' pages in the Chinese edition: Chinese names, roles and biographies."""
        locale = zh_home.locale
        index = AuthorIndexPage.objects.child_of(home).first()
        zh_index = index.get_translation_or_none(locale) if index else None
        if index is not None and zh_index is None:
            zh_index = index.copy_for_translation(locale)
            zh_index.title = data_zh.SITE["authors_title"]
            zh_index.save_revision().publish()
            self.created += 1
        found = {}
        for slug, author in authors.items():
            translated = author.get_translation_or_none(locale)
            if translated is None:
                words = data_zh.AUTHORS.get(slug)
                translated = author.copy_for_translation(locale).specific
                if words:
                    translated.title = words["name"]
                    translated.role = words["role"]
                    translated.bio = f"<p>{escape(words['bio'])}</p>"
                translated.save_revision().publish()
                self.created += 1
            found[slug] = translated.specific
        return found

    def translations(self, zh_sections):
        """Link each story of data_zh to its original: the other language's version, published a
        few hours after it, with the same hero image (no new images)."""
        zh_locale = next(iter(zh_sections.values())).locale
        en_locale = Locale.get_default()
        pairs = [(t, en_locale, zh_locale) for t in data_zh.TRANSLATIONS]
        pairs += [(t, zh_locale, en_locale) for t in data_zh.ENGLISH_VERSIONS]
        for version, source_locale, target_locale in pairs:
            original = ArticlePage.objects.filter(slug=version["original"], locale=source_locale).first()
            if original is None or original.get_translation_or_none(target_locale) is not None:
                continue
            copy = original.copy_for_translation(target_locale).specific
            copy.title = version["title"]
            copy.slug = version["slug"]
            copy.dek = copy.search_description = version["dek"]
            copy.hero_caption = version.get("hero_caption", "")
            copy.language = target_locale.language_code
            copy.body = self.body(version, copy.get_parent().specific)
            when = (original.date or self.now) + timedelta(hours=3)
            copy.date = min(when, self.now)
            self.publish_backdated(copy, copy.date)

    # --- staff and workflow -----------------------------------------------------------------
    def staff_password(self):
        password = os.environ.get("DEMO_STAFF_PASSWORD")
        if password:
            return password
        path = settings.VAR_DIR / PASSWORD_FILE
        if not path.exists():
            path.write_text(secrets.token_urlsafe(9))
            path.chmod(0o600)
        return path.read_text().strip()

    def groups(self):
        # The roles and their permissions are core's (also `manage.py setup_roles` on a fresh install).
        return roles_sync()

    def workflow(self, home, editors):
        # Wagtail labels the button "Submit to <workflow name>": the name is who receives it.
        Workflow.objects.filter(name=OLD_WORKFLOW_NAME).update(name=WORKFLOW_NAME)
        GroupApprovalTask.objects.filter(name=OLD_TASK_NAME).update(name=TASK_NAME)
        workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
        if created:
            task = GroupApprovalTask.objects.create(name=TASK_NAME)
            task.groups.set([editors])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
            self.created += 1
        # The site's pages go through this workflow (replacing Wagtail's default moderators' one).
        WorkflowPage.objects.filter(page__in=[Page.get_first_root_node(), home]).exclude(
            workflow=workflow
        ).delete()
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
        return workflow

    def users(self, groups, authors):
        User = get_user_model()
        password = self.staff_password()
        accounts = [
            ("admin", "admin@masthead.localhost", "Demo", "Administrator", None, True),
            ("editor", "editor@masthead.localhost", "Demo", "Editor", groups[EDITORS], False),
            ("writer", "writer@masthead.localhost", "Demo", "Writer", groups[WRITERS], False),
            ("moderator", "moderator@masthead.localhost", "Demo", "Moderator", groups[MODERATORS], False),
            ("door", "door@masthead.localhost", "Demo", "Door staff", groups[DOOR_STAFF], False),
            ("finance", "finance@masthead.localhost", "Demo", "Finance", groups[FINANCE], False),
        ]
        for username, email, first, last, group, superuser in accounts:
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(
                username=username,
                email=email,
                password=password,
                first_name=first,
                last_name=last,
                is_staff=True,
                is_superuser=superuser,
            )
            if group:
                user.groups.add(group)
            self.created += 1
        return password

    # --- all --------------------------------------------------------------------------------
    def run(self):
        # Per-save search and reference-index tasks are dropped while loading; both indexes are
        # rebuilt once at the end (much faster than once per save), so the demo is searchable the
        # moment the command finishes, worker or no worker.
        quiet = logging.getLogger("wagtail")
        level = quiet.level
        quiet.setLevel(logging.WARNING)
        try:
            with override_settings(
                TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
            ):
                self._load()
        finally:
            quiet.setLevel(level)
        if self.created:
            rebuild_index()
            call_command("update_index", verbosity=0)  # Wagtail's admin search
            call_command("rebuild_references_index", verbosity=0)
        return {
            "created": self.created,
            "password": self.staff_password(),
            "articles": ArticlePage.objects.live().count(),
        }

    @transaction.atomic
    def _load(self):
        self._collection = self.collection()
        home = self.home()
        site = Site.objects.get(root_page=home)
        self.settings(site)
        self.publication()
        sections = self.sections(home)
        authors = self.authors(home)
        zh_home, zh_sections = self.edition(home)
        zh_authors = self.zh_authors(home, zh_home, authors)
        self.articles(sections, authors, zh_sections, zh_authors)
        self.translations(zh_sections)
        groups = self.groups()
        self.workflow(home, groups[EDITORS])
        self.users(groups, authors)
        # Plans, newsletters, the newsroom line, the community and events belong to their apps,
        # which register their own demo parts (core.demo); content never imports them.
        self.created += core_demo.load_registered(site=site, home=home, now=self.now)


def load_demo(*, out=None, now=None):
    return Loader(out=out, now=now).run()
