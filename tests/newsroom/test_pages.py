"""The reader's pages: the write form, the thread, the account panel — through real requests."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from masthead.newsroom import services
from masthead.newsroom.models import Attachment, Thread

from .conftest import PDF

pytestmark = pytest.mark.django_db
WRITE = "/newsroom/"


def test_visitors_get_the_simple_form_and_are_told_what_membership_adds(client):
    response = client.get(WRITE)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="email"' in html and 'name="website"' in html
    assert 'value="question"' not in html
    assert "benefit of paying membership" in html
    assert "public" not in response.get("Cache-Control", "")


def test_a_visitor_sends_a_tip_without_an_account(client):
    response = client.post(
        WRITE,
        {
            "kind": "tip",
            "name": "Zhang San",
            "email": "zhang@example.org",
            "subject": "Subsidy fraud",
            "message": "The incubator on Nanshan road takes subsidies for empty desks.",
        },
    )
    assert response.status_code == 302
    thread = Thread.objects.get(subject="Subsidy fraud")
    assert thread.sender is None and thread.sender_email == "zhang@example.org"
    assert not thread.is_conversation


def test_the_form_says_what_is_wrong(client):
    response = client.post(
        WRITE, {"kind": "tip", "email": "not-an-address", "subject": "", "message": "x" * 10_001}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert "Give your message a subject." in html
    assert "Keep your message under 10000 characters" in html
    assert not Thread.objects.filter(sender_email="not-an-address").exists()


def test_a_disguised_file_is_refused_with_a_clear_error(client):
    upload = SimpleUploadedFile("invoice.pdf", b"MZ\x90\x00\x03\x00", content_type="application/pdf")
    response = client.post(
        WRITE,
        {
            "kind": "tip",
            "email": "a@example.org",
            "subject": "Docs",
            "message": "Please see the attached invoice.",
            "attachments": [upload],
        },
    )
    assert response.status_code == 400
    assert "is not a document or image we accept" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_paying_member_asks_and_follows_the_conversation(client, paying_user, editor):
    client.force_login(paying_user)
    page = client.get(WRITE).content.decode()
    assert 'value="question"' in page and "within 2 working days" in page
    response = client.post(
        WRITE,
        {
            "kind": "question",
            "subject": "Chip exports",
            "message": "What do the new export rules mean for Shenzhen?",
            "attachments": [SimpleUploadedFile("notes.pdf", PDF)],
        },
    )
    thread = Thread.objects.get(subject="Chip exports")
    assert response.status_code == 302 and response["Location"] == reverse(
        "newsroom:thread", args=[thread.pk]
    )
    assert thread.is_conversation and thread.messages.get().attachments.count() == 1
    services.thread_note(thread=thread, staff=editor, body="SECRET-NOTE for staff only")
    services.thread_reply(thread=thread, staff=editor, body="They mean fewer chips, sooner.")
    page = client.get(reverse("newsroom:thread", args=[thread.pk]))
    html = page.content.decode()
    assert "They mean fewer chips, sooner." in html
    assert "SECRET-NOTE" not in html
    assert "private" in page["Cache-Control"]
    response = client.post(
        reverse("newsroom:thread", args=[thread.pk]), {"message": "Thank you, one more thing."}
    )
    assert response.status_code == 302
    assert thread.messages.count() == 3
    account = client.get(reverse("members:account")).content.decode()
    assert "Chip exports" in account


def test_nobody_else_sees_a_members_thread(client, question, reader_user):
    url = reverse("newsroom:thread", args=[question.pk])
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(reader_user)
    assert client.get(url).status_code == 404


def test_a_lapsed_member_reads_but_cannot_reply(client, question, paying_user):
    from masthead.access.models import Grant

    Grant.objects.filter(user=paying_user).delete()
    client.force_login(paying_user)
    url = reverse("newsroom:thread", args=[question.pk])
    html = client.get(url).content.decode()
    assert "verify leaked documents" in html and "benefit of paying membership" in html
    client.post(url, {"message": "Trying to reply without paying."})
    assert question.messages.count() == 1
