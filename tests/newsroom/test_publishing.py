""" "Ask the newsroom": a member's question and our answer become an article only with consent."""

import pytest
from django.core import mail

from masthead.content.models import ArticlePage
from masthead.core.models import AuditEntry
from masthead.newsroom import publishing, services
from masthead.newsroom.errors import NewsroomRefused
from masthead.newsroom.models import Publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(question, editor):
    services.thread_reply(
        thread=question, staff=editor, body="We check metadata, sources and the paper itself."
    )
    return question


def test_nothing_is_published_without_consent(answered, editor, demo):
    publishing.publication_request(thread=answered, actor=editor)
    with pytest.raises(NewsroomRefused) as refused:
        publishing.publication_publish(
            thread=answered,
            actor=editor,
            section=demo.sections["ai"] if "ai" in demo.sections else list(demo.sections.values())[0],
            title="How we verify documents",
            dek="A member asked.",
            access_level="public",
        )
    assert refused.value.code == "consent.missing"


def test_with_consent_the_qa_becomes_an_article(
    answered, editor, paying_user, demo, django_capture_on_commit_callbacks
):
    section = list(demo.sections.values())[0]
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publication_request(thread=answered, actor=editor)
    assert "May we publish" in mail.outbox[-1].subject
    pub = publishing.publication_answer(thread=answered, user=paying_user, consent=True, show_name=False)
    assert pub.state == Publication.State.GIVEN and pub.consent_text
    page = publishing.publication_publish(
        thread=answered,
        actor=editor,
        section=section,
        title="How we verify documents",
        dek="A member asked how we check leaks.",
        access_level="members",
        publish_now=True,
    )
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.live and page.access_level == "members"
    text = str(page.body.raw_data)
    assert "wondered how you check documents" in text and "metadata, sources" in text
    assert "payer@example.com" not in text and "Pay" not in text.replace("Paper", "")
    consent = AuditEntry.objects.get(code="newsroom.publication.consent_given")
    assert consent.data["wording"] == pub.consent_text
    assert AuditEntry.objects.filter(code="newsroom.publication.created", actor=editor).exists()


def test_a_declined_request_stays_declined(answered, editor, paying_user):
    publishing.publication_request(thread=answered, actor=editor)
    publishing.publication_answer(thread=answered, user=paying_user, consent=False)
    pub = publishing.publication_answer(thread=answered, user=paying_user, consent=True)
    assert pub.state == Publication.State.DECLINED


def test_only_the_sender_answers(answered, editor, reader_user):
    publishing.publication_request(thread=answered, actor=editor)
    with pytest.raises(NewsroomRefused):
        publishing.publication_answer(thread=answered, user=reader_user, consent=True)


def test_visitor_tips_cannot_be_published_as_member_qa(editor, demo):
    tip = services.thread_open(
        kind="tip", subject="T", body="A tip long enough to send.", sender_email="v@example.org"
    )
    with pytest.raises(NewsroomRefused):
        publishing.publication_request(thread=tip, actor=editor)
