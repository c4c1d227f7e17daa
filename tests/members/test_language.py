"""A reader's language (issue 20): the reader's pages outside Wagtail come under /zh/ as well as
unprefixed (English URLs unchanged), a member's saved preference is set at sign-up, changed on the
account page and respected after signing in, and the page cache never mixes the two languages."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from masthead.members.models import Profile
from tests.access.test_page_cache import wsgi  # noqa: F401  (the real WSGI stack with the page cache)

pytestmark = pytest.mark.django_db
User = get_user_model()
CODE = re.compile(r"^\s+([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", re.M)


@pytest.fixture
def member(db):
    from allauth.account.models import EmailAddress

    user = User.objects.create_user("m1", "member@example.com", None)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Profile.objects.create(user=user, display_name="Wang Fang")
    return user


READER_URLS = [
    ("account_request_login_code", "/accounts/login/code/"),
    ("account_signup", "/accounts/signup/"),
    ("members:account", "/account/"),
    ("billing:pricing", "/membership/"),
    ("access:membership", "/membership/benefits/"),
]


@pytest.mark.parametrize(("name", "english"), READER_URLS)
def test_reader_urls_keep_their_english_address_and_have_a_chinese_one(name, english):
    assert reverse(name) == english
    with translation.override("zh-hans"):
        assert reverse(name) == "/zh" + english


@pytest.mark.parametrize(
    "path", ["/accounts/login/code/", "/membership/", "/newsletters/", "/newsroom/", "/community/"]
)
def test_the_same_page_comes_in_english_unprefixed_and_chinese_under_zh(client, path, demo):
    english = client.get(path)
    chinese = client.get("/zh" + path)
    assert english.status_code == chinese.status_code == 200, (english.status_code, chinese.status_code)
    assert '<html lang="en"' in english.content.decode()
    assert '<html lang="zh-Hans"' in chinese.content.decode()


def test_unknown_prefixes_on_reader_pages_are_404(client):
    assert client.get("/fr/account/").status_code == 404
    assert client.get("/zh-hant/membership/").status_code == 404


def test_the_language_switch_on_a_reader_page_goes_to_the_same_page(client, zh_edition):
    html = client.get("/membership/?interval=year").content.decode()
    assert 'href="/zh/membership/?interval=year" hreflang="zh-Hans"' in html
    html = client.get("/zh/membership/").content.decode()
    assert 'href="/membership/" hreflang="en"' in html


def test_signing_up_in_the_chinese_edition_makes_chinese_the_members_language(client):
    response = client.post("/zh/accounts/signup/", {"email": "xin@example.com", "name": "新读者"})
    assert response.status_code == 302, response.content.decode()[:500]
    assert response["Location"].startswith("/zh/")
    profile = Profile.objects.get(user__email="xin@example.com")
    assert profile.language == "zh-hans"
    Client().post("/accounts/signup/", {"email": "new@example.com"})
    assert Profile.objects.get(user__email="new@example.com").language == "en"


def test_the_account_page_saves_the_language_and_shows_the_chosen_edition(client, member):
    client.force_login(member)
    page = client.get("/account/").content.decode()
    assert 'name="language"' in page and "简体中文" in page
    response = client.post("/account/", {"display_name": "Wang Fang", "language": "zh-hans"})
    assert response.status_code == 302 and response["Location"] == "/zh/account/"
    assert Profile.objects.get(user=member).language == "zh-hans"
    # Posting the profile without the field (an older form) leaves the choice as it is.
    client.post("/account/", {"display_name": "W. Fang"})
    assert Profile.objects.get(user=member).language == "zh-hans"
    bad = client.post("/account/", {"display_name": "W", "language": "klingon"})
    assert bad.status_code == 400
    assert Profile.objects.get(user=member).language == "zh-hans"


def test_a_member_who_chose_chinese_lands_in_the_chinese_edition_after_signing_in(client, member):
    Profile.objects.filter(user=member).update(language="zh-hans")
    response = client.post(reverse("account_request_login_code") + "?next=/account/", {"email": member.email})
    assert response.status_code == 302
    code = CODE.search(mail.outbox[-1].body).group(1)
    response = client.post(reverse("account_confirm_login_code"), {"code": code, "next": "/account/"})
    assert response.status_code == 302 and response["Location"] == "/zh/account/"


def test_the_page_cache_never_serves_one_languages_page_for_the_other(wsgi):  # noqa: F811
    english = wsgi("/membership/")
    chinese = wsgi("/zh/membership/")
    assert english.status == chinese.status == 200
    assert '<html lang="en"' in english.text and '<html lang="zh-Hans"' in chinese.text
    again_en, again_zh = wsgi("/membership/"), wsgi("/zh/membership/")
    assert again_en.headers.get("x-cache") == "HIT" and again_zh.headers.get("x-cache") == "HIT"
    assert '<html lang="en"' in again_en.text and '<html lang="zh-Hans"' in again_zh.text
    # A Chinese Accept-Language does not turn the unprefixed (English) page Chinese, cached or not.
    assert '<html lang="en"' in wsgi("/membership/", accept_language="zh-CN").text
