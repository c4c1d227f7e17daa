import pytest
from django.utils import timezone


@pytest.fixture
def reader_user(db, django_user_model):
    """A signed-in free member with a verified address."""
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("reader", "reader@example.com", None)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def paying_user(db, django_user_model):
    from allauth.account.models import EmailAddress

    from masthead.access.services import grant_create

    user = django_user_model.objects.create_user("payer", "payer@example.com", None)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    grant_create(
        user=user,
        level="premium",
        source="subscription",
        ends_at=timezone.now() + timezone.timedelta(days=30),
    )
    return user


@pytest.fixture
def paywall(demo):
    from masthead.access.models import PaywallSettings

    settings = PaywallSettings.for_site(demo.home.get_site())
    settings.monthly_free_articles = 2
    settings.save()
    return settings
