"""Membership emails in the member's language (issue 20): welcome and receipt."""

import pytest
from django.core import mail
from django.utils import timezone

from masthead.billing.providers.testmode import run_due
from masthead.members.models import Profile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "welcome", "receipt", "account_link"),
    [
        ("zh-hans", "欢迎：您的", "收据 ", "/zh/account/"),
        ("en", "Welcome: your free trial", "Receipt ", "/account/"),
    ],
)
def test_welcome_and_receipt_come_in_the_members_language(
    member,
    monthly,
    subscribe,
    settings,
    language,
    welcome,
    receipt,
    account_link,
    django_capture_on_commit_callbacks,
):
    Profile.objects.update_or_create(user=member, defaults={"language": language})
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        sub = subscribe(member, monthly, now=now)
    assert [m.subject for m in mail.outbox if m.subject.startswith(welcome)], [m.subject for m in mail.outbox]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        run_due(now=sub.trial_end + timezone.timedelta(minutes=1))
    receipts = [m for m in mail.outbox if m.subject.startswith(receipt)]
    assert len(receipts) == 1, [m.subject for m in mail.outbox]
    body = receipts[0].body
    assert settings.SITE_URL + account_link in body
    if language == "zh-hans":
        assert "谢谢，我们已收到您的付款。" in body and "Thank you" not in body
    else:
        assert "Thank you. We received your payment." in body and "/zh/" not in body
