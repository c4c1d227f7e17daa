"""Newsletters per language (issue 20): a newsletter has a language (or both); an issue may carry a
Chinese version; each subscriber gets the version in their language, exactly once."""

import pytest
from django.core import mail
from django.utils import timezone, translation

from masthead.members.models import Profile
from masthead.newsletters import render as render_module
from masthead.newsletters.models import Delivery, Issue, Newsletter, Subscriber
from masthead.newsletters.sending import deliver_issue
from masthead.newsletters.services import signup_confirm, signup_request

pytestmark = pytest.mark.django_db

CHINESE = {
    "subject_zh": "本周测试要闻",
    "preheader_zh": "一行预览",
    "intro_zh": "<p>测试编辑部早上好。</p>",
}


def start(issue):
    issue.status = Issue.Status.SENDING
    issue.started_at = timezone.now()
    issue.save()
    return issue


def member_in(make_member, subscribe_member, letter, username, language):
    user = make_member(username)
    Profile.objects.update_or_create(user=user, defaults={"language": language})
    subscribe_member(user, letter)
    return user


def test_each_subscriber_gets_the_version_in_their_language_once(
    free_letter, make_member, subscribe_member, email_only, make_issue, articles, monkeypatch
):
    public, _premium = articles
    calls = []
    original = render_module.render_variant
    monkeypatch.setattr(
        render_module,
        "render_variant",
        lambda *a, **k: calls.append((a[0].subject, a[2])) or original(*a, **k),
    )
    member_in(make_member, subscribe_member, free_letter, "li", "zh-hans")
    member_in(make_member, subscribe_member, free_letter, "ann", "en")
    email_only("wang@example.com", free_letter)  # signed up on the Chinese page
    Subscriber.objects.filter(email="wang@example.com").update(language="zh-hans")
    email_only("bob@example.com", free_letter)  # no language known: the main version
    issue = start(
        make_issue(
            free_letter,
            body_zh=[("heading", "头条"), ("article", {"article": public, "note": "编辑推荐"})],
            **CHINESE,
        )
    )
    deliver_issue(issue_id=issue.pk)
    deliver_issue(issue_id=issue.pk)  # run twice: nobody gets anything twice
    by_address = {m.to[0]: m for m in mail.outbox}
    assert len(mail.outbox) == 4 and len(by_address) == 4
    assert Delivery.objects.filter(issue=issue, state="sent").count() == 4
    for address in ("li@example.com", "wang@example.com"):
        message = by_address[address]
        assert message.subject == "本周测试要闻"
        assert "测试编辑部早上好。" in message.body and "编辑推荐" in message.body
        assert "退订" in message.body and "Good morning" not in message.body
    for address in ("ann@example.com", "bob@example.com"):
        message = by_address[address]
        assert message.subject == "This week in tests"
        assert "Good morning from the test desk." in message.body and "Unsubscribe" in message.body
        assert "测试" not in message.body
    # One rendering per version and access variant, however many recipients.
    assert len(calls) == len(set(calls)) == 2


def test_without_a_chinese_version_chinese_readers_get_the_main_one(
    free_letter, make_member, subscribe_member, make_issue
):
    member_in(make_member, subscribe_member, free_letter, "li", "zh-hans")
    issue = start(make_issue(free_letter))
    deliver_issue(issue_id=issue.pk)
    (message,) = mail.outbox
    assert message.subject == "This week in tests"


def test_a_chinese_newsletter_is_written_in_chinese_throughout(
    free_letter, make_member, subscribe_member, make_issue
):
    free_letter.language = "zh-hans"
    free_letter.save()
    member_in(make_member, subscribe_member, free_letter, "ann", "en")
    issue = start(make_issue(free_letter, subject="中文简报", intro="<p>只有中文。</p>"))
    deliver_issue(issue_id=issue.pk)
    (message,) = mail.outbox
    assert message.subject == "中文简报" and "退订" in message.body


def test_signing_up_on_the_chinese_page_remembers_the_language(free_letter):
    with translation.override("zh-hans"):
        token = signup_request(email="zhou@example.com", newsletter_ids=[free_letter.pk])
    (confirmation,) = mail.outbox
    assert confirmation.subject.startswith("确认订阅") and "/zh/newsletters/" in confirmation.body
    subscriber, _letters = signup_confirm(token=token)
    assert Subscriber.objects.get(pk=subscriber.pk).language == "zh-hans"


def test_members_see_the_newsletters_of_their_language_first(client, make_member, free_letter):
    chinese = Newsletter.objects.create(
        name="中文早报",
        slug="zh-morning",
        language="zh-hans",
        sender_name="Desk",
        sender_email="zh@example.com",
        sort_order=99,
    )
    free_letter.language = "en"
    free_letter.save()
    user = make_member("li")
    Profile.objects.update_or_create(user=user, defaults={"language": "zh-hans"})
    client.force_login(user)
    html = client.get("/account/").content.decode()
    assert html.index(chinese.name) < html.index(free_letter.name)
    Profile.objects.filter(user=user).update(language="en")
    html = client.get("/account/").content.decode()
    assert html.index(free_letter.name) < html.index(chinese.name)
