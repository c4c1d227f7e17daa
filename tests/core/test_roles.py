"""The newsroom's roles: each demo account reaches its own work — and what it must not reach."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupApprovalTask, GroupPagePermission

from masthead.core.roles import ROLES, roles_sync
from masthead.events.models import EventPage

pytestmark = pytest.mark.django_db


def client_for(username):
    user = get_user_model().objects.get(username=username)
    client = Client()
    client.force_login(user)
    return client, user


def reaches(client, url):
    """200 for the page itself; Wagtail answers a refusal with a redirect to the dashboard or 403."""
    response = client.get(url)
    assert response.status_code in (200, 302, 403), (url, response.status_code)
    return response.status_code == 200


@pytest.fixture
def urls(demo):
    article = demo.article(access_level="premium")
    event = EventPage.objects.get(slug="ai-summit")
    return {
        "edit article": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        "add article": reverse(
            "wagtailadmin_pages:add", args=["content", "articlepage", demo.sections["ai"].pk]
        ),
        "inbox": reverse("newsroom_admin:inbox"),
        "issues": reverse("newsletter_issues:index"),
        "moderation": reverse("community_posts:index"),
        "bans": reverse("community_bans:index"),
        "subscriptions": reverse("subscriptions:index"),
        "payments": reverse("payments:index"),
        "prepaid": reverse("prepaid_memberships:index"),
        "event list": reverse("events_admin"),
        "event sales": reverse("events_admin_event", args=[event.pk]),
        "attendees csv": reverse("events_admin_csv", args=[event.pk]),
        "check-in": reverse("events_admin_check_in", args=[event.pk]),
        "members": reverse("member_admin:index"),
        "users": reverse("wagtailusers_users:index"),
        "settings": reverse("wagtailsettings:edit", args=["content", "newsroomsettings"]),
        "missing translations": reverse("content_admin:missing_translations"),
        "translate article": reverse("simple_translation:submit_page_translation", args=[article.pk]),
    }


REACH = {
    "editor": {
        "edit article",
        "add article",
        "inbox",
        "issues",
        "moderation",
        "bans",
        "missing translations",
        "translate article",
    },
    "writer": {"edit article", "add article", "inbox", "missing translations", "translate article"},
    "moderator": {"moderation", "bans"},
    "door": {"event list", "check-in"},
    "finance": {"subscriptions", "payments", "prepaid", "event list", "event sales", "attendees csv"},
}


@pytest.mark.parametrize("username", sorted(REACH))
def test_each_role_reaches_its_work_and_nothing_else(username, urls):
    client, _user = client_for(username)
    reached = {name for name, url in urls.items() if reaches(client, url)}
    assert reached == REACH[username]


def test_only_editors_publish_and_approve(demo):
    article = demo.article(access_level="public")
    for username, may_publish in [
        ("editor", True),
        ("writer", False),
        ("moderator", False),
        ("finance", False),
    ]:
        _client, user = client_for(username)
        assert article.permissions_for_user(user).can_publish() is may_publish, username
    writer = get_user_model().objects.get(username="writer")
    assert article.permissions_for_user(writer).can_edit()
    approvers = {g.name for task in GroupApprovalTask.objects.all() for g in task.groups.all()}
    assert approvers == {"Editors"}


def test_door_staff_check_in_but_see_no_sales_and_finance_exports(urls):
    door, _user = client_for("door")
    page = door.get(urls["event list"]).content.decode()
    assert "Check-in" in page and "Revenue" not in page
    finance, _user = client_for("finance")
    page = finance.get(urls["event list"]).content.decode()
    assert "Revenue" in page and urls["check-in"] not in page  # finance does not work the door
    export = finance.get(urls["payments"] + "?export=csv")
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
    header = b"".join(export.streaming_content).decode().splitlines()[0].lower()
    assert "receipt" in header and "amount" in header


def test_the_roles_command_is_idempotent_and_restores_a_hand_edited_group(demo):
    moderators = Group.objects.get(name="Moderators")
    # Wagtail's installer gives "Moderators" page permissions; someone may add them back by hand.
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.create(group=moderators, page=demo.home, permission=publish)
    before = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    call_command("setup_roles", stdout=io.StringIO())
    call_command("setup_roles", stdout=io.StringIO())
    assert not GroupPagePermission.objects.filter(group=moderators).exists()
    after = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    assert after == before
    assert set(roles_sync()) == set(ROLES)
    assert set(ROLES) <= set(Group.objects.values_list("name", flat=True))
