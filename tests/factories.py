"""Test data built for the test (issue 14): factory-boy and wagtail-factories.

Members, images and pages come from here, not from the demo newsroom. `tests/seed.py` uses
these to build the small newsroom every test database starts with; a test that needs something
particular makes it with a factory in its own transaction:

    member = MemberFactory(paying=True)
    article = ArticlePageFactory(parent=demo.sections["ai"], access_level="premium")

Importing this module needs Django's settings (wagtail_factories imports Wagtail's blocks), which
pytest-django has configured before any test module is imported.
"""

import hashlib
from datetime import timedelta
from io import BytesIO

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from masthead.access.services import grant_create
from masthead.content.models import ArticleAuthor, ArticlePage, AuthorIndexPage, AuthorPage, SectionPage
from masthead.members.models import Profile


# --- members ------------------------------------------------------------------------------------
class MemberFactory(DjangoModelFactory):
    """A reader with an account: a verified primary address, as signing in by code leaves it.

    `paying=True` adds a premium grant from a subscription, ending in 30 days (as billing makes
    it); `display_name` / `language` make the member's profile; `is_staff=True` a staff account.
    """

    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"reader{n}")
    email = factory.LazyAttribute(lambda member: f"{member.username}@example.com")
    is_staff = False
    paying = False
    display_name = ""
    language = ""

    @classmethod
    def _create(cls, model_class, *args, username, email, paying, display_name, language, **fields):
        # No usable password: members sign in by emailed code.
        member = model_class.objects.create_user(username, email, None, **fields)
        EmailAddress.objects.create(user=member, email=email, verified=True, primary=True)
        if display_name or language:
            profile = {"display_name": display_name} | ({"language": language} if language else {})
            Profile.objects.create(user=member, **profile)
        if paying:
            grant_create(
                user=member,
                level="premium",
                source="subscription",
                ends_at=timezone.now() + timedelta(days=30),
            )
        return member


def make_member(username=None, *, email=None, paying=False, display_name="", language="", staff=False):
    """One member, the way every test app makes one (the per-app fixtures call this)."""
    fields = {"paying": paying, "display_name": display_name, "language": language, "is_staff": staff}
    if email:
        fields["email"] = email
        fields["username"] = username or email.split("@")[0]
    elif username:
        fields["username"] = username
    return MemberFactory(**fields)


# --- images -------------------------------------------------------------------------------------
def picture_bytes(width=64, height=40, color=(11, 61, 92), fmt="JPEG"):
    """A small picture: renditions of it cost next to nothing."""
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, fmt)
    return buffer.getvalue()


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = get_image_model()

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Picture {n}")
    file = factory.LazyAttribute(
        lambda image: ImageFile(BytesIO(picture_bytes()), name=f"{image.title.lower().replace(' ', '-')}.jpg")
    )


# --- pages --------------------------------------------------------------------------------------
class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page made under `parent` and published through a revision, as an editor would.

    `published_at` backdates it (first/last published and the revision's time)."""

    class Meta:
        abstract = True

    published_at = None

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        when = kwargs.pop("published_at")
        page = model_class(**cls._fields(kwargs))
        cls._before_save(page, kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        revision.publish()
        if when:
            model_class.objects.filter(pk=page.pk).update(
                first_published_at=when, last_published_at=when, latest_revision_created_at=when
            )
            type(revision).objects.filter(pk=revision.pk).update(created_at=when)
        return model_class.objects.get(pk=page.pk)

    @classmethod
    def _fields(cls, kwargs):
        return kwargs

    @classmethod
    def _before_save(cls, page, extra):
        pass


class SectionPageFactory(PublishedPageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title, allow_unicode=True))
    description = factory.LazyAttribute(lambda page: f"What {page.title} covers.")
    color = "#1F5F8B"


class AuthorIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = AuthorIndexPage

    title = "Our journalists"
    slug = "authors"


class AuthorPageFactory(PublishedPageFactory):
    class Meta:
        model = AuthorPage

    title = factory.Sequence(lambda n: f"Journalist {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title, allow_unicode=True))
    role = "Reporter"
    bio = factory.LazyAttribute(lambda page: f"<p>{escape(page.title)} reports for the newsroom.</p>")
    email = factory.LazyAttribute(lambda page: f"{page.slug}@newsroom.example")


HAN_DIGITS = "零一二三四五六七八九甲乙丙丁戊己"


def article_body(title, *, premium=True, image=None, language="en"):
    """A body with a free part and, for a story behind the paywall, a part after the break whose
    sentences are this article's own (a fingerprint of its title, in plain words or in Chinese
    characters), so the no-leak tests can look for them anywhere."""
    mark = hashlib.blake2b(title.encode(), digest_size=5).hexdigest()
    # The free part has a fingerprint of its own: searching for the hidden one must find nothing.
    free_mark = hashlib.blake2b(f"free {title}".encode(), digest_size=5).hexdigest()
    if language.startswith("zh"):
        han = "".join(HAN_DIGITS[int(c, 16)] for c in mark)
        free_han = "".join(HAN_DIGITS[int(c, 16)] for c in free_mark)
        free = [
            f"<p>{escape(title)}：第一段写给每一位读者，说明这件事发生在哪里以及为什么重要。</p>",
            f"<p>第二段{free_han}交代事情的来龙去脉，同样对所有读者免费开放阅读。</p>",
        ]
        # Every run of characters below the break holds the fingerprint: no other article has it.
        hidden = [
            f"<p>报道{han}{han[::-1]}全文。</p>",
            f"<p>消息人士{han[::-1]}{han}表示。</p>",
            f"<p>最后{han}{han[:5]}{han[5:][::-1]}结尾。</p>",
        ]
    else:
        free = [
            f"<p>{escape(title)}: the first paragraph, free to every reader.</p>",
            f"<p>The second paragraph {free_mark} sets out the story for every reader who comes to it.</p>",
        ]
        hidden = [
            f"<p>Reporting {mark} below the break that only readers with access may read in full.</p>",
            f"<p>Source {mark} speaks on the record about what the company plans next year.</p>",
            f"<p>The last paragraph {mark} says what comes next for the people in this story.</p>",
        ]
    blocks = [("paragraph", free[0]), ("heading", "What happened"), ("paragraph", free[1])]
    if image is not None:
        blocks.append(("image", {"image": image, "caption": "A picture", "credit": "Newsroom"}))
    if premium:
        blocks.append(("premium_break", None))
    blocks += [("paragraph", hidden[0]), ("quote", {"text": hidden[1][3:-4], "attribution": "A source"})]
    blocks.append(("paragraph", hidden[2]))
    return blocks


class ArticlePageFactory(PublishedPageFactory):
    """A published article. `authors=[…]` sets the byline; `tags=[…]` its tags."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Article number {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title, allow_unicode=True))
    dek = factory.LazyAttribute(lambda page: f"The dek of {page.title}.")
    search_description = factory.LazyAttribute(lambda page: page.dek)
    access_level = "public"
    language = "en"
    date = factory.LazyFunction(timezone.now)
    body = factory.LazyAttribute(
        lambda page: article_body(page.title, premium=page.access_level != "public", language=page.language)
    )

    authors = ()
    tags = ()

    @classmethod
    def _fields(cls, kwargs):
        return {name: value for name, value in kwargs.items() if name not in ("authors", "tags")}

    @classmethod
    def _before_save(cls, page, extra):
        # Byline and tags are part of the revision, so they are set before it is saved.
        for order, author in enumerate(extra.get("authors") or ()):
            page.article_authors.add(ArticleAuthor(author=author, sort_order=order))
        if extra.get("tags"):
            page.tags.add(*extra["tags"])
