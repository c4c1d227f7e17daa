import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from masthead.newsletters.models import Issue, Newsletter, Subscriber
from tests import factories
from tests.helpers import free_port


@pytest.fixture
def free_letter(db):
    return Newsletter.objects.create(
        name="Test Briefing",
        slug="test-briefing",
        audience="everyone",
        sender_name="Test Desk",
        sender_email="briefing@example.com",
        in_signup_box=True,
    )


@pytest.fixture
def paid_letter(db):
    return Newsletter.objects.create(
        name="Test Deals",
        slug="test-deals",
        audience="paying",
        sender_name="Deals Desk",
        sender_email="deals@example.com",
    )


@pytest.fixture
def make_member(db):
    """make_member(username, paying=, name=): a member (tests/factories.py)."""

    def make(username, *, paying=False, name=""):
        return factories.make_member(username, paying=paying, display_name=name)

    return make


@pytest.fixture
def email_only(db):
    """A confirmed email-only subscriber factory."""

    def make(email, *letters, name=""):
        from masthead.newsletters.services import newsletter_subscribe

        now = timezone.now()
        sub = Subscriber.objects.create(email=email, name=name, confirmed_at=now, created_at=now)
        for letter in letters:
            newsletter_subscribe(subscriber=sub, newsletter=letter, now=now)
        return sub

    return make


@pytest.fixture
def subscribe_member():
    def subscribe(user, *letters):
        from masthead.newsletters.services import member_set_choices

        return member_set_choices(user=user, newsletter_ids=[n.pk for n in letters])

    return subscribe


@pytest.fixture
def articles(demo):
    """A public and a premium article from the demo newsroom."""
    public = demo.article(access_level="public")
    premium = demo.article(access_level="premium")
    return public, premium


@pytest.fixture
def make_issue(articles, staff_user):
    def make(letter, **fields):
        public, premium = articles
        defaults = {
            "subject": "This week in tests",
            "preheader": "A preheader line",
            "intro": "<p>Good morning from the test desk.</p>",
            "body": [
                ("heading", "Top stories"),
                ("article", {"article": public, "note": "Our pick"}),
                ("article", {"article": premium, "note": ""}),
            ],
            "created_by": staff_user,
        }
        defaults.update(fields)
        return Issue.objects.create(newsletter=letter, **defaults)

    return make


def premium_secret(article):
    """A sentence from beyond the premium article's preview: must never reach a free reader."""
    from masthead.content.body import plain_text, split_body

    _preview, rest = split_body(article.body)
    text = plain_text([b for b in rest if b.block_type == "paragraph"])
    sentence = text.split(". ")[0].strip()
    assert len(sentence) > 20, "the demo's premium article should have text past its preview"
    return sentence[:60]


class Inbox:
    """An aiosmtpd handler that records messages, and can refuse or defer chosen recipients."""

    def __init__(self):
        self.messages = []
        self.refuse = {}  # address -> list of SMTP replies to give on RCPT, in turn
        self.delay = 0.0
        # Seconds between taking a message (it is recorded) and saying so: widens the window in
        # which a sender killed has handed a message over without hearing back.
        self.accept_delay = 0.0
        # Offer PIPELINING (RFC 2920) as Postfix does: the transport then sends each envelope
        # ahead, behind the previous message's final dot (the path production mail servers take).
        self.pipelining = False

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # A slow server is slow before the message (like an MTA checking the recipient); on the
        # final dot the message is taken at once, as an MTA commits it before replying.
        if self.delay:
            import asyncio

            await asyncio.sleep(self.delay)
        replies = self.refuse.get(address)
        if replies:
            return replies.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        if self.accept_delay:
            import asyncio

            await asyncio.sleep(self.accept_delay)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_inbox():
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    inbox.port = port
    yield inbox
    controller.stop()


@pytest.fixture
def use_smtp(settings, smtp_inbox):
    from masthead.core.email_config import email_settings_from_url

    for name, value in email_settings_from_url(f"smtp://127.0.0.1:{smtp_inbox.port}").items():
        setattr(settings, name, value)
    return smtp_inbox
