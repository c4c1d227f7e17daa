import pytest

from tests import factories


def make_member(django_user_model, name, *, paying=False, staff=False):
    """A member named `name` with a display name (the community shows it); one factory makes all."""
    return factories.make_member(name, display_name=name.title(), paying=paying, staff=staff)


@pytest.fixture
def member(db, django_user_model):
    return make_member(django_user_model, "freda")


@pytest.fixture
def payer(db, django_user_model):
    return make_member(django_user_model, "paula", paying=True)


@pytest.fixture
def payer2(db, django_user_model):
    return make_member(django_user_model, "peter", paying=True)


@pytest.fixture
def public_article(demo):
    return demo.article(access_level="public", language="en")


@pytest.fixture
def premium_article(demo):
    return demo.article(access_level="premium", language="en")


@pytest.fixture
def settings_obj(db):
    from masthead.community.models import CommunitySettings

    return CommunitySettings.load()


@pytest.fixture
def investors(db):
    from masthead.community.models import Category

    return Category.objects.get(slug="investors")


@pytest.fixture
def founders(db):
    from masthead.community.models import Category

    return Category.objects.get(slug="founders")
