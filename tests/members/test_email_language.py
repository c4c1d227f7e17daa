"""Every email in its recipient's language (issue 20): the member's saved preference decides, else
the language of the page that asked for it. Sign-in codes go through a real SMTP server."""

import email
import email.policy

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

from masthead.core.email_config import email_settings_from_url
from masthead.core.mail import render_templated
from tests import factories
from tests.core.test_mail_smtp import smtp_server  # noqa: F401  (aiosmtpd on a free port)

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_member(db):
    def make(address, language):
        return factories.make_member(email=address, language=language)

    return make


def received(content):
    message = email.message_from_bytes(content.encode("utf-8"), policy=email.policy.default)
    return message, str(message["Subject"]), message.get_body(preferencelist=("plain",)).get_content()


def test_a_sign_in_code_goes_out_in_the_members_language_through_smtp(
    settings,
    smtp_server,  # noqa: F811
    make_member,
):
    inbox, port = smtp_server
    for name, value in email_settings_from_url(f"smtp://127.0.0.1:{port}").items():
        setattr(settings, name, value)
    settings.DEV_MAILBOX_ENABLED = False
    make_member("li@example.com", "zh-hans")
    make_member("ann@example.com", "en")
    # Both ask from the English sign-in page: the saved preference decides, not the page.
    for address in ("li@example.com", "ann@example.com"):
        assert Client().post("/accounts/login/code/", {"email": address}).status_code == 302
    assert [recipients for _from, recipients, _content in inbox.messages] == [
        ["li@example.com"],
        ["ann@example.com"],
    ]
    chinese, subject, body = received(inbox.messages[0][2])
    assert subject == "您的登录验证码" and chinese["Content-Language"] == "zh-Hans"
    assert "您的登录验证码是：" in body and "Your sign-in code" not in body
    # The link opens the Chinese sign-in page.
    assert "/zh/accounts/login/code/confirm/?code=" in body
    english, subject, body = received(inbox.messages[1][2])
    assert subject == "Your sign-in code" and english["Content-Language"] == "en"
    assert "Your sign-in code is:" in body and "验证码" not in body
    assert "/zh/" not in body


def test_without_a_saved_preference_the_page_that_asked_decides(make_member, django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("old", "old@example.com", None)  # no profile at all
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Client().post("/zh/accounts/login/code/", {"email": "old@example.com"})
    Client().post("/accounts/login/code/", {"email": "old@example.com"})
    first, second = mail.outbox
    assert first.subject == "您的登录验证码" and second.subject == "Your sign-in code"


def test_signing_up_in_the_chinese_edition_sends_a_chinese_confirmation():
    response = Client().post("/zh/accounts/signup/", {"email": "xin@example.com"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject == "确认您的电子邮件地址"
    assert "要为您的账户确认此电子邮件地址" in message.body


def test_templated_mail_follows_the_recipient_not_the_sender(make_member):
    make_member("li@example.com", "zh-hans")
    # A background job or an English page: still Chinese for a member who chose Chinese…
    with translation.override("en"):
        message = render_templated("newsroom/email/reply", to="li@example.com", context=_thread())
    assert message.subject.startswith("回复：") and message.extra_headers["Content-Language"] == "zh-Hans"
    # …and the caller can say otherwise; an unknown address gets the language active now.
    with translation.override("zh-hans"):
        assert render_templated(
            "newsroom/email/reply", to="nobody@example.com", context=_thread()
        ).subject.startswith("回复：")
        assert render_templated(
            "newsroom/email/reply", to="li@example.com", context=_thread(), language="en"
        ).subject.startswith("Re: ")


def test_links_built_in_the_senders_language_point_to_the_recipients_edition(make_member, settings):
    make_member("li@example.com", "zh-hans")
    context = {**_thread(), "thread_url": settings.SITE_URL + "/newsroom/conversations/7/"}
    message = render_templated("newsroom/email/reply", to="li@example.com", context=context)
    assert settings.SITE_URL + "/zh/newsroom/conversations/7/" in message.body
    make_member("ann@example.com", "en")
    context = {**_thread(), "thread_url": settings.SITE_URL + "/zh/newsroom/conversations/7/"}
    message = render_templated("newsroom/email/reply", to="ann@example.com", context=context)
    assert settings.SITE_URL + "/newsroom/conversations/7/" in message.body
    assert "/zh/" not in message.body


def _thread():
    class Thread:
        subject = "Chip export rules"
        pk = 7

    class Message:
        body = "Thank you for asking."

    return {"thread": Thread(), "message": Message()}
