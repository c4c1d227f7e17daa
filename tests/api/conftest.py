import pytest

from masthead.api.models import ApiKey
from masthead.api.scopes import ALL_SCOPES
from masthead.api.services import api_key_create
from tests.access.test_page_cache import wsgi  # noqa: F401  (the real WSGI stack, page cache included)
from tests.billing.conftest import individual, make_member, monthly, subscribe  # noqa: F401  (test-mode billing)

CONTENT = "/ghost/api/content"


@pytest.fixture
def content_key(db):
    """A Content API key (the raw key)."""
    return api_key_create(name="website", kind=ApiKey.Kind.CONTENT)[1]


@pytest.fixture
def admin_key(db):
    """An admin key with every scope (the raw key)."""
    return api_key_create(name="integration", kind=ApiKey.Kind.ADMIN, scopes=ALL_SCOPES)[1]


@pytest.fixture
def bearer(admin_key):
    return {"HTTP_AUTHORIZATION": f"Bearer {admin_key}"}
