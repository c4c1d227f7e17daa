"""Readers sign up and sign in without a password; their account page; export and deletion."""

import json
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from masthead.access.models import Grant
from masthead.access.services import grant_create
from masthead.core.models import AuditEntry
from masthead.members.models import Profile

pytestmark = pytest.mark.django_db
User = get_user_model()
CODE = re.compile(r"^\s+([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", re.M)


def code_from(message):
    match = CODE.search(message.body)
    assert match, message.body
    return match.group(1)


def signed_in(client):
    return "_auth_user_id" in client.session


def sign_up(client, email, name=""):
    response = client.post(reverse("account_signup"), {"email": email, "name": name})
    assert response.status_code == 302, response.content.decode()[:2000]
    message = mail.outbox[-1]
    assert message.to == [email]
    confirm = client.post(response["Location"], {"code": code_from(message)})
    return confirm


def test_a_reader_signs_up_with_just_an_email_and_confirms_it_by_code(client):
    response = sign_up(client, "new.reader@example.com", name="Li Na")
    assert response.status_code == 302
    user = User.objects.get(email="new.reader@example.com")
    assert signed_in(client) and int(client.session["_auth_user_id"]) == user.pk
    assert not user.has_usable_password(), "readers have no password"
    assert Profile.objects.get(user=user).display_name == "Li Na"
    from allauth.account.models import EmailAddress

    assert EmailAddress.objects.get(user=user).verified


def test_sign_up_refuses_a_bad_address_clearly(client):
    response = client.post(reverse("account_signup"), {"email": "not an address"})
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert not mail.outbox


@pytest.fixture
def member(db):
    from allauth.account.models import EmailAddress

    user = User.objects.create_user("m1", "member@example.com", None)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Profile.objects.create(user=user, display_name="Wang Fang")
    return user


def request_code(client, email, next_url=""):
    data = {"email": email}
    url = reverse("account_request_login_code") + (f"?next={next_url}" if next_url else "")
    return client.post(url, data)


def test_a_member_signs_in_with_an_emailed_code_or_link(client, member, demo):
    article = demo.article(access_level="members")
    response = request_code(client, member.email, next_url=article.url)
    assert response.status_code == 302
    message = mail.outbox[-1]
    code = code_from(message)
    # The link is on the public origin (SITE_URL), not the Host the code was asked from.
    origin = re.escape(settings.SITE_URL)
    link = re.search(rf"({origin}/accounts/login/code/confirm/\?code=\S+)", message.body).group(1)
    assert code in link
    confirm_page = client.get(link.replace(settings.SITE_URL, ""))
    assert f'value="{code}"' in confirm_page.content.decode(), "the link fills the code in"
    response = client.post(reverse("account_confirm_login_code"), {"code": code, "next": article.url})
    assert response.status_code == 302 and response["Location"] == article.url
    assert signed_in(client)


def test_wrong_codes_are_limited_and_the_code_then_dies(client, member):
    request_code(client, member.email)
    code = code_from(mail.outbox[-1])
    for _ in range(3):
        response = client.post(reverse("account_confirm_login_code"), {"code": "WRON-GONE"})
    assert not signed_in(client)
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert not signed_in(client), "after three wrong tries even the right code no longer works"
    assert response.status_code in (200, 302)


def test_sign_in_codes_are_rate_limited_per_address(client, member):
    for _ in range(3):
        Client().post(reverse("account_request_login_code"), {"email": member.email})
    sent = len(mail.outbox)
    response = Client().post(reverse("account_request_login_code"), {"email": member.email})
    assert len(mail.outbox) == sent, "no fourth code a minute"
    assert response.status_code in (200, 429)


def test_the_sign_in_form_does_not_reveal_who_has_an_account(member):
    known = Client().post(reverse("account_request_login_code"), {"email": member.email})
    unknown = Client().post(reverse("account_request_login_code"), {"email": "nobody-here@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox] == [[member.email], ["nobody-here@example.com"]], "both get an email"


def test_staff_keep_passwords_at_the_admin_login(client, staff_user):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": staff_user.username, "password": "pw-staff-test-1"}
    )
    assert response.status_code == 302 and signed_in(client)


def test_the_account_page_shows_membership_and_saves_the_profile(client, member):
    assert client.get(reverse("members:account")).status_code == 302
    client.force_login(member)
    page = client.get(reverse("members:account")).content.decode()
    assert "You have a free account" in page and "Wang Fang" in page
    grant_create(
        user=member,
        level="premium",
        source="complimentary",
        reason="test",
        ends_at=__import__("django.utils.timezone").utils.timezone.now()
        + __import__("datetime").timedelta(days=9),
    )
    page = client.get(reverse("members:account")).content.decode()
    assert "Premium" in page and "Complimentary" in page
    response = client.post(reverse("members:account"), {"display_name": "Wang F."})
    assert response.status_code == 302
    assert Profile.objects.get(user=member).display_name == "Wang F."
    too_long = client.post(reverse("members:account"), {"display_name": "x" * 200})
    assert too_long.status_code == 400 and "at most 100 characters" in too_long.content.decode()


def test_a_member_downloads_their_data_as_json(client, member):
    grant_create(user=member, level="premium", source="trial")
    client.force_login(member)
    response = client.get(reverse("members:export"))
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email and data["account"]["name"] == "Wang Fang"
    assert data["access"]["grants"][0]["source"] == "trial"
    assert any(entry["what"] == "access.grant.created" for entry in data["history"])


def test_deleting_an_account_needs_confirmation_and_keeps_only_what_it_must(client, member):
    grant = grant_create(user=member, level="premium", source="subscription")
    client.force_login(member)
    page = client.get(reverse("members:delete")).content.decode()
    assert "What we must keep" in page and "accounting" in page
    wrong = client.post(reverse("members:delete"), {"confirm_email": "someone@else.com"})
    assert wrong.status_code == 400 and "not the address of this account" in wrong.content.decode()
    assert User.objects.filter(pk=member.pk).exists()
    response = client.post(reverse("members:delete"), {"confirm_email": member.email})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not signed_in(client)
    grant.refresh_from_db()
    assert grant.user is None and grant.ends_at is not None, "access history stays, anonymised"
    assert AuditEntry.objects.filter(code="members.account.deleted", data__member_id=member.pk).exists()


def test_forms_refuse_posts_without_a_csrf_token(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(reverse("members:account"), {"display_name": "x"}).status_code == 403
    assert (
        Client(enforce_csrf_checks=True)
        .post(reverse("account_request_login_code"), {"email": "a@b.c"})
        .status_code
        == 403
    )


def test_session_cookies_are_httponly_and_samesite(client, member):
    request_code(client, member.email)
    client.post(reverse("account_confirm_login_code"), {"code": code_from(mail.outbox[-1])})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_staff_find_members_filter_them_and_grant_complimentary_access(client, staff_user, member):
    grant_create(user=member, level="premium", source="subscription")
    User.objects.create_user("free1", "free1@example.com", None)
    client.force_login(staff_user)
    listing = client.get("/admin/members/?status=paying").content.decode()
    assert member.email in listing and "free1@example.com" not in listing
    free = client.get("/admin/members/?status=free").content.decode()
    assert "free1@example.com" in free and member.email not in free
    found = client.get("/admin/members/?q=Wang").content.decode()
    assert member.email in found
    history = client.get(f"/admin/members/{member.pk}/history/")
    assert history.status_code == 200 and "access.grant.created" in history.content.decode()
    response = client.post(
        f"/admin/members/{member.pk}/complimentary/",
        {"level": "premium", "ends_at": "2099-01-01T00:00", "reason": "Source in Shenzhen"},
    )
    assert response.status_code == 302
    grant = Grant.objects.get(user=member, source="complimentary")
    assert grant.created_by == staff_user and grant.reason == "Source in Shenzhen"
    refused = client.post(f"/admin/members/{member.pk}/complimentary/", {"level": "premium", "reason": "x"})
    assert refused.status_code == 302
    assert Grant.objects.filter(user=member, source="complimentary").count() == 1


def test_members_cannot_see_the_members_admin(client, member):
    client.force_login(member)
    assert client.get("/admin/members/").status_code in (302, 403)


def test_a_member_changes_their_email_address_after_confirming_it(client, member):
    client.force_login(member)
    assert client.get(reverse("account_email")).status_code == 200
    response = client.post(reverse("account_email"), {"action_add": "", "email": "new-address@example.com"})
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == ["new-address@example.com"]
    member.refresh_from_db()
    assert member.email == "member@example.com", "nothing changes before the new address is confirmed"
    client.post(response["Location"], {"code": code_from(message)})
    member.refresh_from_db()
    assert member.email == "new-address@example.com", "the new address replaces the old once confirmed"


def test_a_member_sees_where_they_are_signed_in(client, member):
    client.force_login(member)
    response = client.get(reverse("usersessions_list"))
    assert response.status_code == 200


def test_sign_up_offers_newsletters_unticked_and_subscribes_only_to_the_chosen_ones(client):
    from masthead.newsletters.models import Newsletter, Subscriber

    form = client.get(reverse("account_signup")).content.decode()
    offered = list(Newsletter.objects.filter(active=True, subscribe_new_members=True))
    assert offered  # the demo offers its Daily Briefing and Weekly Analysis
    for newsletter in offered:
        assert f'value="{newsletter.pk}"' in form
    assert 'name="newsletters"' in form and " checked" not in form.split('name="newsletters"', 1)[1][:2000]

    response = client.post(reverse("account_signup"), {"email": "no.letters@example.com"})
    assert response.status_code == 302
    user = User.objects.get(email="no.letters@example.com")
    assert not Subscriber.objects.filter(user=user, subscriptions__ended_at__isnull=True).exists()

    chooser = Client()
    daily = Newsletter.objects.get(slug="daily-briefing")
    response = chooser.post(
        reverse("account_signup"), {"email": "one.letter@example.com", "newsletters": [daily.pk]}
    )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(user__email="one.letter@example.com")
    assert list(subscriber.subscriptions.values_list("newsletter__slug", flat=True)) == ["daily-briefing"]
