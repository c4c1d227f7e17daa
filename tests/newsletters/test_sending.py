"""Sending: who receives an issue, what each variant contains, and that every recipient gets it once."""

import email

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.html import escape

from masthead.newsletters import render as render_module
from masthead.newsletters.models import Delivery, Issue, Suppression
from masthead.newsletters.sending import deliver_issue, plan_deliveries, recipient_ids
from masthead.newsletters.services import issue_send_now, suppress

from .conftest import premium_secret

pytestmark = pytest.mark.django_db


def start(issue):
    issue.status = Issue.Status.SENDING
    issue.started_at = timezone.now()
    issue.save()
    return issue


def bodies(message):
    html = next(content for content, mimetype in message.alternatives if mimetype == "text/html")
    return message.body, html


def test_a_lapsed_member_keeps_their_choice_and_gets_paid_letters_back_on_renewal(
    paid_letter, make_member, subscribe_member
):
    from masthead.access.models import Grant
    from masthead.access.services import grant_create, grant_end

    member = make_member("lapsing", paying=True)
    subscriber = subscribe_member(member, paid_letter)
    assert recipient_ids(paid_letter, timezone.now()) == [subscriber.pk]

    grant_end(grant=Grant.objects.get(user=member))
    later = timezone.now() + timezone.timedelta(seconds=1)
    assert recipient_ids(paid_letter, later) == []
    assert subscriber.subscriptions.get().active  # the choice is kept

    grant_create(
        user=member, level="premium", source="subscription", ends_at=later + timezone.timedelta(days=30)
    )
    assert recipient_ids(paid_letter, later + timezone.timedelta(seconds=1)) == [subscriber.pk]


def test_audiences_unconfirmed_and_suppressed_addresses(
    free_letter, make_member, subscribe_member, email_only
):
    from masthead.newsletters.models import Newsletter, Subscriber

    members_letter = Newsletter.objects.create(
        name="Members", slug="members-only", audience="members", sender_name="X", sender_email="x@example.com"
    )
    free_member = make_member("freebie")
    s_member = subscribe_member(free_member, free_letter, members_letter)
    s_email = email_only("plain@example.com", free_letter, members_letter)
    s_suppressed = email_only("bounced@example.com", free_letter)
    suppress(email="bounced@example.com", reason="bounced")
    unconfirmed = Subscriber.objects.create(email="later@example.com", created_at=timezone.now())
    from masthead.newsletters.services import newsletter_subscribe

    newsletter_subscribe(subscriber=unconfirmed, newsletter=free_letter)

    now = timezone.now()
    assert set(recipient_ids(free_letter, now)) == {s_member.pk, s_email.pk}
    assert recipient_ids(members_letter, now) == [s_member.pk]
    assert s_suppressed.pk not in recipient_ids(free_letter, now)


def test_free_and_paying_recipients_get_their_variant_and_premium_text_never_leaks(
    free_letter, make_member, subscribe_member, email_only, make_issue, articles
):
    _public, premium = articles
    secret = premium_secret(premium)
    payer = make_member("payer1", paying=True, name="Pat Payer")
    free = make_member("free1", name="Frida <Free>")
    subscribe_member(payer, free_letter)
    subscribe_member(free, free_letter)
    email_only("anon@example.com", free_letter)
    issue = start(make_issue(free_letter))

    deliver_issue(issue_id=issue.pk)

    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"payer1@example.com", "free1@example.com", "anon@example.com"}
    text, html = bodies(by_address["payer1@example.com"])
    assert secret in html and secret in text
    assert "Hello Pat Payer," in text
    for address in ("free1@example.com", "anon@example.com"):
        text, html = bodies(by_address[address])
        assert secret not in html and secret not in text
        assert escape(premium.title) in html and escape(premium.dek) in html
        assert "Continue reading on the site" in html
    text, html = bodies(by_address["free1@example.com"])
    assert "Hello Frida &lt;Free&gt;," in html and "Hello Frida <Free>," in text
    issue.refresh_from_db()
    assert (issue.status, issue.planned_count, issue.sent_count, issue.failed_count) == ("sent", 3, 3, 0)


def test_each_variant_is_rendered_once_however_many_recipients(
    free_letter, make_member, subscribe_member, email_only, make_issue, monkeypatch
):
    calls = []
    original = render_module.render_variant
    monkeypatch.setattr(
        render_module, "render_variant", lambda *a, **k: calls.append(a[2]) or original(*a, **k)
    )
    for i in range(3):
        subscribe_member(make_member(f"p{i}", paying=True), free_letter)
    for i in range(20):
        email_only(f"reader{i}@example.com", free_letter)
    issue = start(make_issue(free_letter))
    deliver_issue(issue_id=issue.pk)
    assert len(mail.outbox) == 23
    assert sorted(calls) == [(True, False), (True, True)]


def test_every_email_has_rfc8058_headers_a_text_part_and_a_web_version(free_letter, email_only, make_issue):
    subscriber = email_only("headers@example.com", free_letter)
    issue = start(make_issue(free_letter))
    deliver_issue(issue_id=issue.pk)
    (message,) = mail.outbox
    parsed = email.message_from_bytes(message.message().as_bytes())
    unsubscribe = f"/newsletters/unsubscribe/{subscriber.token}/{free_letter.slug}/"
    # Long headers may be folded (RFC 5322); unfolded, it is the one-click URL.
    assert "".join(parsed["List-Unsubscribe"].split()) == f"<http://127.0.0.1:8000{unsubscribe}>"
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed["From"] == "Test Desk <briefing@example.com>"
    types = [part.get_content_type() for part in parsed.walk()]
    assert "text/plain" in types and "text/html" in types
    text, html = bodies(message)
    assert f"/newsletters/{free_letter.slug}/{issue.pk}/" in html
    assert unsubscribe in text and unsubscribe in html
    assert "@@MH_" not in message.message().as_string()


def test_running_the_send_twice_mails_nobody_twice(free_letter, email_only, make_issue):
    for i in range(5):
        email_only(f"twice{i}@example.com", free_letter)
    issue = start(make_issue(free_letter))
    plan_deliveries(issue_id=issue.pk, now=timezone.now())
    plan_deliveries(issue_id=issue.pk, now=timezone.now())
    deliver_issue(issue_id=issue.pk)
    deliver_issue(issue_id=issue.pk)
    assert len(mail.outbox) == 5
    assert Delivery.objects.filter(issue=issue).count() == 5


def test_send_now_starts_a_background_send(
    free_letter, email_only, make_issue, staff_user, django_capture_on_commit_callbacks
):
    email_only("bg@example.com", free_letter)
    issue = make_issue(free_letter)
    with django_capture_on_commit_callbacks(execute=True):  # the immediate task backend runs the send here
        issue_send_now(issue=issue, actor=staff_user)
    issue.refresh_from_db()
    assert issue.status == "sent" and issue.sent_count == 1
    assert len(mail.outbox) == 1


def test_an_invalid_address_fails_alone(free_letter, email_only, make_issue):
    email_only("good@example.com", free_letter)
    email_only("not an address", free_letter)
    issue = start(make_issue(free_letter))
    deliver_issue(issue_id=issue.pk)
    issue.refresh_from_db()
    assert (issue.sent_count, issue.failed_count, issue.status) == (1, 1, "sent")
    assert Delivery.objects.get(issue=issue, state="failed").error == "invalid address"


def test_sending_a_batch_takes_a_fixed_number_of_queries(
    free_letter,
    make_member,
    subscribe_member,
    email_only,
    make_issue,
    django_assert_max_num_queries,
    settings,
):
    settings.NEWSLETTER_BATCH_SIZE = 1000
    for i in range(5):
        subscribe_member(make_member(f"q{i}", paying=i % 2 == 0), free_letter)
    for i in range(40):
        email_only(f"eq{i}@example.com", free_letter)
    issue = start(make_issue(free_letter))
    plan_deliveries(issue_id=issue.pk, now=timezone.now())
    # Per recipient: one UPDATE (handed over, with the previous recipient's confirmation). Per
    # batch and send: about forty (claim, readers, suppressions, the last confirmation, planning,
    # rendering each variant once) — 86 in all measured; two UPDATEs a recipient would be 131.
    with django_assert_max_num_queries(45 + 45):
        deliver_issue(issue_id=issue.pk)
    assert len(mail.outbox) == 45


# --- Through a real SMTP server -------------------------------------------------------------
def test_smtp_transient_errors_retry_and_permanent_ones_fail_and_suppress(
    free_letter, email_only, make_issue, use_smtp, settings
):
    settings.NEWSLETTER_RETRY_BASE_SECONDS = 0
    inbox = use_smtp
    for address in ("a@example.com", "deferred@example.com", "gone@example.com", "b@example.com"):
        email_only(address, free_letter)
    inbox.refuse["deferred@example.com"] = ["451 4.3.0 try again later", "451 4.3.0 try again later"]
    inbox.refuse["gone@example.com"] = ["550 5.1.1 no such user"]
    issue = start(make_issue(free_letter))

    deliver_issue(issue_id=issue.pk)

    received = sorted(r for _f, rcpts, _c in inbox.messages for r in rcpts)
    assert received == ["a@example.com", "b@example.com", "deferred@example.com"]
    deferred = Delivery.objects.get(issue=issue, subscriber__email="deferred@example.com")
    assert deferred.state == "sent" and deferred.attempts == 3
    gone = Delivery.objects.get(issue=issue, subscriber__email="gone@example.com")
    assert gone.state == "failed" and "550" in gone.error
    assert Suppression.objects.filter(email="gone@example.com", reason="bounced").exists()
    issue.refresh_from_db()
    assert (issue.status, issue.sent_count, issue.failed_count) == ("sent", 3, 1)


def test_smtp_messages_are_personalised_bytes_of_one_rendering(free_letter, email_only, make_issue, use_smtp):
    inbox = use_smtp
    email_only("one@example.com", free_letter, name="Ada Lovelace")
    email_only("two@example.com", free_letter, name="Zhang Wei 张伟")
    issue = start(make_issue(free_letter))
    deliver_issue(issue_id=issue.pk)
    assert len(inbox.messages) == 2
    parsed = {m[1][0]: email.message_from_bytes(m[2]) for m in inbox.messages}
    for address, name in (("one@example.com", "Ada Lovelace"), ("two@example.com", "Zhang Wei 张伟")):
        message = parsed[address]
        assert message["To"] == address
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        text = next(p for p in message.walk() if p.get_content_type() == "text/plain")
        assert f"Hello {name}," in text.get_payload(decode=True).decode()
    assert parsed["one@example.com"]["Message-ID"] != parsed["two@example.com"]["Message-ID"]
