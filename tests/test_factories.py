"""The factories make what they say: published pages in the right place, members as signing in
leaves them, paying members whom the access policy counts as paying."""

import pytest
from django.utils import timezone

from masthead.access.readers import load_reader
from masthead.content.models import ArticlePage
from tests.factories import ArticlePageFactory, MemberFactory, make_member

pytestmark = pytest.mark.django_db


def test_an_article_is_published_through_a_revision_under_its_section(demo, client):
    author = demo.authors["wang-lei"]
    article = ArticlePageFactory(
        parent=demo.sections["ai"], access_level="premium", authors=[author], tags=["chips"]
    )
    assert article.live and article.latest_revision is not None and article.has_unpublished_changes is False
    assert article.get_parent().specific == demo.sections["ai"]
    assert [a.author for a in article.article_authors.all()] == [author]
    assert list(article.tags.names()) == ["chips"]
    assert ArticlePage.objects.live().filter(pk=article.pk).exists()
    article.full_clean()  # what the editor's form would accept
    assert client.get(article.url).status_code == 200


def test_a_backdated_article_says_so_everywhere(demo):
    when = timezone.now() - timezone.timedelta(days=30)
    article = ArticlePageFactory(parent=demo.sections["ai"], date=when, published_at=when)
    assert article.first_published_at == article.last_published_at == when
    assert article.latest_revision.created_at == when


def test_members_have_a_verified_address_and_pay_only_when_asked(demo):
    free, paying = make_member(email="free@example.com"), MemberFactory(paying=True, display_name="Pat")
    now = timezone.now()
    assert free.emailaddress_set.get().verified and not free.has_usable_password()
    assert not load_reader(free, now).is_paying(now)
    assert load_reader(paying, now).is_paying(now)
    assert paying.profile.display_name == "Pat"
