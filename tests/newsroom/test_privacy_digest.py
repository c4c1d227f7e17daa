"""Account deletion keeps only the corrections record; the daily digest goes out once a day."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from masthead.members.services import member_delete, member_export
from masthead.newsroom import services
from masthead.newsroom.digest import digest_send
from masthead.newsroom.models import Attachment, Thread

from .conftest import PDF

pytestmark = pytest.mark.django_db


def test_deleting_an_account_deletes_threads_but_keeps_corrections_anonymised(
    paying_user, editor, private_dir
):
    question = services.thread_open(
        kind="question",
        subject="Q",
        body="A question long enough.",
        sender=paying_user,
        uploads=[("a.pdf", PDF)],
    )
    stored = Attachment.objects.get(message__thread=question).stored_name
    correction = services.thread_open(
        kind="correction",
        subject="Wrong date",
        body="The article says 2019; it was 2018.",
        sender=paying_user,
    )
    services.thread_note(thread=question, staff=editor, body="internal")
    exported = member_export(user=paying_user)["newsroom"]["conversations"]
    assert {c["subject"] for c in exported} == {"Q", "Wrong date"}
    assert "internal" not in str(exported)
    member_delete(user=paying_user)
    assert not Thread.objects.filter(pk=question.pk).exists()
    assert stored and not (private_dir / stored).exists()
    kept = Thread.objects.get(pk=correction.pk)
    assert kept.sender is None and kept.sender_email == "" and kept.sender_name == ""
    assert kept.messages.get().body == "The article says 2019; it was 2018."


def test_the_digest_goes_to_editors_once_a_day_after_its_hour(question, editor):
    Thread.objects.filter(pk=question.pk).update(due_at=question.created_at - timedelta(days=1))
    tomorrow = timezone.localtime(timezone.now()) + timedelta(days=1)
    early = tomorrow.replace(hour=6, minute=0)
    assert digest_send(now=early) == 0
    later = early.replace(hour=9)
    sent = digest_send(now=later)
    assert sent >= 1
    to_editor = [m for m in mail.outbox if m.to == [editor.email]]
    assert len(to_editor) == 1
    assert question.subject in to_editor[0].body and "Overdue" in to_editor[0].body
    assert digest_send(now=later.replace(hour=15)) == 0
    assert digest_send(now=later + timedelta(days=1)) >= 1


def test_the_digest_never_names_a_confidential_sender(reader_user, editor):
    services.thread_open(
        kind="tip", subject="Leak", body="A confidential tip.", sender=reader_user, confidential=True
    )
    digest_send(now=datetime(2026, 6, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    assert mail.outbox and all("reader@example.com" not in m.body for m in mail.outbox)


def test_the_digest_task_is_a_periodic_job(settings):
    assert "masthead.newsroom.tasks.send_daily_digest" in settings.MASTHEAD_PERIODIC_JOBS


def test_no_digest_on_a_day_with_nothing_new_and_nothing_open(editor):
    Thread.objects.all().delete()
    quiet_day = timezone.localtime(timezone.now()).replace(hour=10) + timedelta(days=2)
    assert digest_send(now=quiet_day) == 0
    assert not [m for m in mail.outbox if m.to == [editor.email]]
