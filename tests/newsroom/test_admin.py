"""The inbox in the Wagtail admin: list and filters, thread actions, confidentiality, files."""

import pytest
from django.core import mail
from django.urls import reverse

from masthead.newsroom import services
from masthead.newsroom.models import Attachment, CannedReply, Note, Status

from .conftest import PDF

pytestmark = pytest.mark.django_db
INBOX = "/admin/newsroom/"


def refused(response):
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


@pytest.fixture
def tip(reader_user):
    return services.thread_open(
        kind="tip",
        subject="Confidential: the cloud contract",
        body="I work at the bureau; the contract was rigged.",
        sender=reader_user,
        confidential=True,
        uploads=[("contract.pdf", PDF)],
    )


def test_editors_see_the_inbox_and_filter_it(client, editor, question, tip):
    client.force_login(editor)
    html = client.get(INBOX).content.decode()
    assert question.subject in html and tip.subject in html
    html = client.get(INBOX, {"kind": "tip"}).content.decode()
    assert tip.subject in html and question.subject not in html
    html = client.get(INBOX, {"status": "answered"}).content.decode()
    assert question.subject not in html
    html = client.get(INBOX, {"assignee": "none", "status": "open"}).content.decode()
    assert question.subject in html


def test_the_inbox_costs_a_fixed_number_of_queries(client, editor, paying_user, all_queries):
    for n in range(12):
        services.thread_open(
            kind="question",
            subject=f"Question {n}",
            body="A question long enough.",
            sender=paying_user,
            client_ip=f"10.1.{n}.1",
        ) if n < 5 else services.thread_open(
            kind="tip",
            subject=f"Tip {n}",
            body="A tip long enough to send.",
            sender_email=f"s{n}@example.org",
            client_ip=f"10.2.{n}.1",
        )
    client.force_login(editor)
    client.get(INBOX)
    all_queries.clear()  # counted at the cursor class (tests/conftest.py)
    assert client.get(INBOX).status_code == 200
    assert 0 < len(all_queries) <= 25, len(all_queries)


def test_overdue_view_lists_conversations_past_their_target(client, editor, question):
    from datetime import timedelta

    from masthead.newsroom.models import Thread

    Thread.objects.filter(pk=question.pk).update(due_at=question.created_at - timedelta(hours=1))
    client.force_login(editor)
    html = client.get(INBOX, {"overdue": "on", "status": "open"}).content.decode()
    assert question.subject in html and "overdue" in html


def test_an_editor_without_the_permission_never_sees_a_confidential_sender(client, editor, tip):
    client.force_login(editor)
    for url in (INBOX, reverse("newsroom_admin:thread", args=[tip.pk])):
        html = client.get(url).content.decode()
        assert "reader@example.com" not in html
        assert "Confidential source" in html


def test_an_editor_with_the_permission_sees_the_sender(client, chief, tip):
    client.force_login(chief)
    html = client.get(reverse("newsroom_admin:thread", args=[tip.pk])).content.decode()
    assert "reader@example.com" in html


def test_assign_note_reply_and_status_from_the_thread_page(
    client, editor, writer, question, django_capture_on_commit_callbacks
):
    CannedReply.objects.create(title="Thanks", body="Dear {name}, thank you.")
    client.force_login(editor)
    action = lambda name: reverse("newsroom_admin:thread_action", args=[question.pk, name])  # noqa: E731
    assert client.post(action("assign"), {"assignee": str(writer.pk)}).status_code == 302
    client.post(action("note"), {"note": "Writer knows the factory."})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action("reply"), {"message": "Dear {name}, we check every page."})
    client.post(action("status"), {"status": "closed"})
    question.refresh_from_db()
    assert question.assignee == writer
    assert question.status == Status.CLOSED
    assert Note.objects.filter(thread=question).exists()
    assert "we check every page." in mail.outbox[-1].body
    assert "{name}" not in mail.outbox[-1].body
    html = client.get(reverse("newsroom_admin:thread", args=[question.pk])).content.decode()
    assert "Writer knows the factory." in html and "Thanks" in html


def test_a_writer_sees_only_threads_assigned_to_them(client, writer, editor, question, tip):
    client.force_login(writer)
    assert question.subject not in client.get(INBOX).content.decode()
    assert refused(client.get(reverse("newsroom_admin:thread", args=[question.pk])))
    services.thread_assign(thread=question, assignee=writer, actor=editor)
    assert question.subject in client.get(INBOX).content.decode()
    assert client.get(reverse("newsroom_admin:thread", args=[question.pk])).status_code == 200


def test_files_download_only_for_staff_and_always_as_attachments(client, editor, writer, reader_user, tip):
    attachment = Attachment.objects.get(message__thread=tip)
    url = reverse("newsroom_admin:attachment", args=[attachment.pk])
    assert client.get(url).status_code == 302  # anonymous: to the admin login
    client.force_login(reader_user)
    assert client.get(url).status_code in (302, 403)
    client.force_login(writer)
    assert refused(client.get(url))
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    assert not client.get(f"/media/{attachment.stored_name}").status_code == 200


def test_bad_actions_do_not_break_the_page(client, editor, question):
    client.force_login(editor)
    assert (
        client.post(reverse("newsroom_admin:thread_action", args=[question.pk, "nonsense"])).status_code
        == 404
    )
    assert (
        client.post(
            reverse("newsroom_admin:thread_action", args=[question.pk, "reply"]), {"message": ""}
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("newsroom_admin:thread_action", args=[question.pk, "assign"]), {"assignee": "999999"}
        ).status_code
        == 302
    )
    assert client.get(INBOX, {"section": "abc", "kind": "<script>"}).status_code == 200


@pytest.mark.parametrize("who", ["editor", "chief"])
def test_name_placeholders_never_unmask_a_confidential_sender(
    client, who, editor, chief, tip, django_capture_on_commit_callbacks
):
    """A canned reply ("Dear {name}, …") sent by anyone — even staff who may see the sender — is
    stored in the thread, where staff without the permission would read the name."""
    from masthead.newsroom.models import Message, Thread

    Thread.objects.filter(pk=tip.pk).update(sender_name="Rea Reader")
    CannedReply.objects.create(title="Thanks", body="Dear {name}, thank you for the tip.")
    client.force_login({"editor": editor, "chief": chief}[who])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("newsroom_admin:thread_action", args=[tip.pk, "reply"]),
            {"message": "Dear {name}, thank you for the tip."},
        )
    reply = Message.objects.filter(thread=tip, direction=Message.Direction.OUT).get()
    assert reply.body == "Dear reader, thank you for the tip."
    client.force_login(editor)
    html = client.get(reverse("newsroom_admin:thread", args=[tip.pk])).content.decode()
    assert "Dear reader, thank you" in html and "Rea Reader" not in html
    assert "Rea Reader" not in mail.outbox[-1].body


def test_name_placeholders_greet_a_sender_who_is_not_confidential(
    client, editor, question, django_capture_on_commit_callbacks
):
    from masthead.newsroom.models import Thread

    Thread.objects.filter(pk=question.pk).update(sender_name="Pay Member")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("newsroom_admin:thread_action", args=[question.pk, "reply"]),
            {"message": "Dear {name}, yes."},
        )
    assert "Dear Pay Member, yes." in mail.outbox[-1].body
