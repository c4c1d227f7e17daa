import pytest


@pytest.fixture
def paywall(demo):
    from masthead.access.models import PaywallSettings

    settings = PaywallSettings.for_site(demo.home.get_site())
    settings.monthly_free_articles = 2
    settings.save()
    return settings
