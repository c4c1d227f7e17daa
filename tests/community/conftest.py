import pytest
from django.utils import timezone


def make_member(django_user_model, name, *, paying=False, staff=False):
    from allauth.account.models import EmailAddress

    from masthead.access.services import grant_create
    from masthead.members.models import Profile

    user = django_user_model.objects.create_user(name, f"{name}@example.com", None, is_staff=staff)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Profile.objects.create(user=user, display_name=name.title())
    if paying:
        grant_create(
            user=user,
            level="premium",
            source="subscription",
            ends_at=timezone.now() + timezone.timedelta(days=30),
        )
    return user


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
