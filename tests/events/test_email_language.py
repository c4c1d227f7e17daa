"""Ticket emails in the buyer's language (issue 20): a member who chose Chinese gets a Chinese
confirmation, an English member an English one, whatever page the order came from."""

import pytest
from django.core import mail

from masthead.events import services
from masthead.members.models import Profile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "subject_start", "says", "never"),
    [
        ("zh-hans", "您的门票：", "每张门票的二维码都在附件中", "Each ticket's QR code"),
        ("en", "Your tickets: ", "Each ticket's QR code is attached", "二维码"),
    ],
)
def test_the_ticket_email_is_in_the_buyers_language(
    conference, general, paying, pay, language, subject_start, says, never, django_capture_on_commit_callbacks
):
    Profile.objects.update_or_create(user=paying, defaults={"language": language})
    order = services.order_start(event=conference, ticket_type=general, user=paying, quantity=1)
    services.order_set_attendees(order=order, attendees=[("Ada Paying", "paying@example.com")])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        pay(order)
    tickets = [m for m in mail.outbox if m.subject.startswith(subject_start)]
    assert len(tickets) == 1, [m.subject for m in mail.outbox]
    (message,) = tickets
    assert says in message.body and never not in message.body
    assert message.attachments[0][0].startswith("ticket-"), "the QR codes still go with it"
