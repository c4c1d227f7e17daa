"""The admin API at /api/v1/: scoped keys, what each area answers, and how it refuses."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone

from masthead.api.models import ApiKey
from masthead.api.services import api_key_create, api_key_revoke
from masthead.billing.models import Plan
from masthead.billing.services import subscription_complimentary
from masthead.newsletters.models import Newsletter, Subscription
from masthead.newsroom.models import Kind
from masthead.newsroom.services import thread_open

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return Client(HTTP_HOST="localhost")


def test_without_a_key_or_with_a_revoked_one_it_is_401(api, admin_key):
    assert api.get("/api/v1/members/").status_code == 401
    bad = api.get("/api/v1/members/", HTTP_AUTHORIZATION="Bearer mh_nope")
    assert bad.status_code == 401 and bad.json()["error"]["code"] == "unauthorized"
    assert api.get("/api/v1/members/", HTTP_AUTHORIZATION=f"Bearer {admin_key}").status_code == 200
    api_key_revoke(name="integration")
    assert api.get("/api/v1/members/", HTTP_AUTHORIZATION=f"Bearer {admin_key}").status_code == 401


def test_a_content_key_is_not_an_admin_key(api, content_key):
    assert api.get("/api/v1/members/", HTTP_AUTHORIZATION=f"Bearer {content_key}").status_code == 401


def test_scopes_decide_what_a_key_may_do(api, reader_user):
    _key, raw = api_key_create(name="crm", kind=ApiKey.Kind.ADMIN, scopes=["members:read"])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert api.get("/api/v1/members/", **auth).status_code == 200
    for url in (
        "/api/v1/memberships/",
        "/api/v1/newsletters/",
        "/api/v1/events/",
        "/api/v1/newsroom/threads/",
    ):
        refused = api.get(url, **auth)
        assert refused.status_code == 403, url
        assert refused.json()["error"]["code"] == "missing_scope"
    write = api.patch(
        f"/api/v1/members/{reader_user.pk}/", json.dumps({"name": "X"}), "application/json", **auth
    )
    assert write.status_code == 403 and "members:write" in write.json()["error"]["message"]


def test_members_list_create_and_rename(api, bearer, reader_user, django_user_model):
    listed = api.get("/api/v1/members/", {"search": "reader@"}, **bearer).json()
    assert [m["email"] for m in listed["items"]] == ["reader@example.com"]
    assert listed["items"][0]["status"] == "free" and listed["meta"]["total"] == 1

    made = api.post(
        "/api/v1/members/",
        json.dumps({"email": "New@Example.com", "name": "Nia"}),
        "application/json",
        **bearer,
    )
    assert made.status_code == 201, made.content
    user = django_user_model.objects.get(pk=made.json()["id"])
    assert user.emailaddress_set.get().verified
    again = api.post(
        "/api/v1/members/", json.dumps({"email": "new@example.com"}), "application/json", **bearer
    )
    assert again.status_code == 409
    bad = api.post("/api/v1/members/", json.dumps({"email": "not an address"}), "application/json", **bearer)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid"
    junk = api.post("/api/v1/members/", "{not json", "application/json", **bearer)
    assert junk.status_code == 400

    renamed = api.patch(
        f"/api/v1/members/{reader_user.pk}/", json.dumps({"name": "Reada"}), "application/json", **bearer
    )
    assert renamed.json()["name"] == "Reada"
    assert api.get("/api/v1/members/999999/", **bearer).status_code == 404


def test_memberships_show_status_and_filter(api, bearer, paying_user):
    subscription_complimentary(
        user=paying_user, plan=Plan.objects.first(), ends_at=timezone.now() + timezone.timedelta(days=9),
        actor=None, reason="press",
    )  # fmt: skip
    body = api.get("/api/v1/memberships/", {"status": "complimentary"}, **bearer).json()
    assert [m["member_email"] for m in body["items"]] == ["payer@example.com"]
    assert api.get("/api/v1/memberships/", {"status": "nonsense"}, **bearer).status_code == 400


def test_newsletters_subscribe_and_unsubscribe_a_member(api, bearer, reader_user):
    letter = Newsletter.objects.filter(audience="everyone").first()
    listed = {n["slug"]: n for n in api.get("/api/v1/newsletters/", **bearer).json()}
    assert letter.slug in listed
    url = f"/api/v1/newsletters/{letter.pk}/subscribers/"
    first = api.post(url, json.dumps({"member_id": reader_user.pk}), "application/json", **bearer)
    assert first.json() == {"changed": True}
    assert api.post(url, json.dumps({"member_id": reader_user.pk}), "application/json", **bearer).json() == {
        "changed": False
    }
    assert Subscription.objects.filter(
        newsletter=letter, subscriber__user=reader_user, ended_at__isnull=True
    ).exists()
    subscribers = api.get(url, **bearer).json()["items"]
    assert reader_user.pk in {s["member_id"] for s in subscribers}
    gone = api.delete(f"{url}{reader_user.pk}/", **bearer)
    assert gone.json() == {"changed": True}


def test_newsroom_threads_never_show_a_confidential_sender(api, bearer, reader_user):
    tip = thread_open(
        kind=Kind.TIP, subject="Leak", body="Documents attached", sender=reader_user, confidential=True
    )
    question = thread_open(
        kind=Kind.QUESTION, subject="Hello", body="A question", sender_email="q@example.com", sender_name="Q"
    )
    threads = {t["id"]: t for t in api.get("/api/v1/newsroom/threads/", **bearer).json()["items"]}
    assert threads[tip.pk]["confidential"] is True
    assert threads[tip.pk]["sender_email"] is None and threads[tip.pk]["member_id"] is None
    assert threads[question.pk]["sender_email"] == "q@example.com"
    detail = api.get(f"/api/v1/newsroom/threads/{tip.pk}/", **bearer).json()
    assert detail["messages"][0]["body"] == "Documents attached" and "reader@example.com" not in json.dumps(
        detail
    )


def test_events_list(api, bearer):
    body = api.get("/api/v1/events/", **bearer).json()
    assert body["meta"]["total"] >= 1 and all("join" not in json.dumps(e) for e in body["items"])
    event_id = body["items"][0]["id"]
    assert api.get(f"/api/v1/events/{event_id}/orders/", **bearer).status_code == 200
    assert api.get("/api/v1/events/999999/orders/", **bearer).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/events/{big}/orders/",
        "/api/v1/members/{big}/",
        "/api/v1/memberships/{big}/",
        "/api/v1/newsroom/threads/{big}/",
        "/api/v1/memberships/?member_id={big}",
    ],
)
def test_ids_too_large_for_the_database_are_refused_not_a_500(api, bearer, path):
    """Found by schemathesis on SQLite: a 20-digit id raised OverflowError in the database driver."""
    response = api.get(path.format(big=2**64), **bearer)
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid", response.content


@override_settings(API_ADMIN_RATE_LIMIT=2)
def test_admin_keys_are_rate_limited(api, bearer):
    codes = [api.get("/api/v1/newsletters/", **bearer).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_the_command_prints_a_key_once_and_revokes_it(capsys, api):
    call_command("api_key", "create", "--name", "Slack bot", "--scope", "newsroom:read")
    raw = capsys.readouterr().out.strip()
    assert raw.startswith("mh_") and not ApiKey.objects.filter(key_hash=raw).exists()  # only the hash is kept
    assert api.get("/api/v1/newsroom/threads/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    call_command("api_key", "list")
    assert "Slack bot\tadmin" in capsys.readouterr().out
    call_command("api_key", "revoke", "Slack bot")
    capsys.readouterr()
    assert api.get("/api/v1/newsroom/threads/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    with pytest.raises(CommandError, match="no active key"):
        call_command("api_key", "revoke", "Slack bot")
    with pytest.raises(CommandError, match="Unknown scope"):
        call_command("api_key", "create", "--name", "x", "--scope", "everything:write")
    call_command("api_key", "create", "--name", "site", "--content")
    assert len(capsys.readouterr().out.strip()) == 26


def test_staff_create_a_key_in_the_admin_see_it_once_and_revoke_it(client, staff_user):
    client.force_login(staff_user)
    page = client.post(
        "/admin/api/keys/", {"name": "Zapier", "kind": "admin", "scopes": ["members:read", "events:read"]}
    )
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    raw = page.context["raw"]
    assert raw in page.content.decode()
    key = ApiKey.objects.get(name="Zapier")
    assert (
        key.scopes == ["events:read", "members:read"]
        and raw not in client.get("/admin/api/keys/").content.decode()
    )
    refused = client.post("/admin/api/keys/", {"name": "Zapier", "kind": "admin", "scopes": ["members:read"]})
    assert refused.status_code == 400 and "already exists" in refused.content.decode()
    client.post(f"/admin/api/keys/{key.pk}/revoke/")
    key.refresh_from_db()
    assert key.revoked_at is not None


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/v1/members/?search=a%00b", None),
        ("post", "/api/v1/members/", {"email": "nul@example.com", "name": "N\x00a"}),
    ],
)
def test_text_with_a_nul_character_is_refused_not_a_500(api, bearer, method, path, body):
    """Found by schemathesis on PostgreSQL, which cannot store or compare a NUL: a member search
    for text holding one was a 500 there."""
    kwargs = {"data": json.dumps(body), "content_type": "application/json"} if body else {}
    response = getattr(api, method)(path, **kwargs, **bearer)
    assert response.status_code == 400, response.content
    assert response.json()["error"]["code"] == "invalid"
