"""The newsroom line's services: opening threads, replies, assignment, notes, confidentiality."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from masthead.core.models import AuditEntry
from masthead.newsroom import services
from masthead.newsroom.errors import NewsroomRefused
from masthead.newsroom.models import Message, Note, Status, Thread

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_working_days_skip_the_weekend():
    friday = datetime(2025, 5, 30, 16, 0, tzinfo=SHANGHAI)
    assert services.working_days_after(friday, 2).date().isoformat() == "2025-06-03"
    monday = datetime(2025, 6, 2, 9, 0, tzinfo=SHANGHAI)
    assert services.working_days_after(monday, 2).date().isoformat() == "2025-06-04"


def test_a_paying_members_question_is_a_conversation_with_a_response_target(
    paying_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.thread_open(
            kind="question",
            subject="Chips",
            body="Who makes the chips in the new phones?",
            sender=paying_user,
        )
    assert thread.is_conversation
    assert thread.status == Status.RECEIVED
    assert thread.due_at is not None and thread.due_at > thread.created_at
    assert thread.messages.get().direction == Message.Direction.IN
    sent = mail.outbox[-1]
    assert sent.to == ["payer@example.com"]
    assert sent.extra_headers["Reply-To"] == thread.reply_address
    assert "/newsroom/conversations/" in sent.body
    assert AuditEntry.objects.filter(code="newsroom.thread.received", target_id=str(thread.pk)).exists()


def test_a_free_members_tip_is_received_without_conversation_benefits(reader_user):
    thread = services.thread_open(
        kind="tip",
        subject="Layoffs",
        body="The startup down the road is laying off half its staff.",
        sender=reader_user,
    )
    assert not thread.is_conversation
    assert thread.due_at is None


def test_only_tips_can_hide_their_sender(paying_user):
    question = services.thread_open(
        kind="question",
        subject="Q",
        body="A question that is long enough.",
        sender=paying_user,
        confidential=True,
    )
    tip = services.thread_open(
        kind="tip",
        subject="T",
        body="A tip that is long enough to send.",
        sender=paying_user,
        confidential=True,
    )
    assert not question.confidential
    assert tip.confidential


def test_markup_in_messages_is_removed(reader_user):
    thread = services.thread_open(
        kind="tip",
        subject="<b>Hello</b>",
        body='<script>alert("x")</script><p>Look at <a href="javascript:evil()">this</a> & that</p>',
        sender=reader_user,
    )
    body = thread.messages.get().body
    assert "<" not in body and "alert" not in body and "javascript" not in body
    assert body == "Look at this & that"
    assert thread.subject == "Hello"


def test_a_flood_is_refused_after_five_messages(reader_user):
    for n in range(5):
        services.thread_open(
            kind="tip", subject=f"T{n}", body="A tip that is long enough.", sender=reader_user
        )
    with pytest.raises(NewsroomRefused) as refused:
        services.thread_open(kind="tip", subject="T6", body="A tip that is long enough.", sender=reader_user)
    assert refused.value.code == "flood"
    assert Thread.objects.filter(sender=reader_user).count() == 5


def test_bots_filling_the_honeypot_leave_nothing(db):
    before = Thread.objects.count()
    result = services.thread_open(
        kind="tip",
        subject="Buy",
        body="Cheap watches for everyone",
        sender_email="bot@example.org",
        honeypot="x",
    )
    assert result is None
    assert Thread.objects.count() == before
    assert not mail.outbox


def test_empty_messages_are_refused(db):
    with pytest.raises(NewsroomRefused):
        services.thread_open(kind="tip", subject="x", body="<p> </p>", sender_email="a@example.org")


def test_the_newsroom_replies_and_the_member_hears_by_email(
    question, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.thread_reply(thread=question, staff=editor, body="We compare them with public filings.")
    question.refresh_from_db()
    assert question.status == Status.ANSWERED
    assert question.due_at is None and question.first_answered_at is not None
    sent = mail.outbox[-1]
    assert sent.to == ["payer@example.com"]
    assert "We compare them with public filings." in sent.body
    assert sent.extra_headers["Reply-To"] == question.reply_address


def test_a_member_reply_reopens_the_thread_with_a_new_target(question, editor):
    services.thread_reply(thread=question, staff=editor, body="An answer to your question.")
    services.thread_sender_reply(thread=question, body="Thanks! And what about photos?")
    question.refresh_from_db()
    assert question.status == Status.IN_PROGRESS
    assert question.due_at is not None


def test_replies_on_the_site_are_for_paying_members(reader_user):
    thread = services.thread_open(
        kind="tip", subject="T", body="A tip that is long enough.", sender=reader_user
    )
    with pytest.raises(NewsroomRefused) as refused:
        services.thread_sender_reply(thread=thread, body="More details about the tip.")
    assert refused.value.code == "not_paying"


def test_a_writer_handles_only_threads_assigned_to_them(
    question, editor, writer, django_capture_on_commit_callbacks
):
    with pytest.raises(NewsroomRefused):
        services.thread_reply(thread=question, staff=writer, body="Not mine to answer.")
    with django_capture_on_commit_callbacks(execute=True):
        services.thread_assign(thread=question, assignee=writer, actor=editor)
    assert mail.outbox[-1].to == [writer.email]
    question.refresh_from_db()
    assert question.status == Status.IN_PROGRESS
    services.thread_reply(thread=question, staff=writer, body="Now it is mine to answer.")
    assert AuditEntry.objects.filter(code="newsroom.thread.assigned", actor=editor).exists()


def test_notes_are_internal(question, editor):
    services.thread_note(thread=question, staff=editor, body="Ask the investigations desk.")
    assert Note.objects.filter(thread=question).count() == 1
    assert not question.messages.filter(body__contains="investigations").exists()


def test_only_editors_with_the_permission_mark_senders_confidential(question, editor, chief):
    with pytest.raises(NewsroomRefused):
        services.thread_set_confidential(thread=question, confidential=True, actor=editor)
    services.thread_set_confidential(thread=question, confidential=True, actor=chief)
    question.refresh_from_db()
    assert question.confidential


def test_status_changes_are_audited_and_closing_clears_the_target(question, editor):
    services.thread_set_status(thread=question, status=Status.CLOSED, actor=editor)
    question.refresh_from_db()
    assert question.due_at is None
    entry = AuditEntry.objects.get(code="newsroom.thread.status")
    assert entry.data == {"old": "received", "new": "closed"}


def test_a_failing_email_loses_nothing(paying_user, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.newsroom.test_services.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.thread_open(
            kind="question", subject="Q", body="A question that is long enough.", sender=paying_user
        )
    assert Thread.objects.filter(pk=thread.pk).exists()


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("smtp down")
