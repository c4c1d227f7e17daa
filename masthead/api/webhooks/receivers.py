"""The domain signals of the apps below, turned into queued webhook deliveries.

Every signal here is sent after its change committed. A failure to queue is logged and never
reaches the caller: publishing an article or taking a payment must not fail because of a webhook.
"""

import functools
import logging

from django.contrib.auth import get_user_model
from django.dispatch import receiver
from django.utils import timezone

from masthead.billing import signals as billing_signals
from masthead.billing.models import Payment, Subscription
from masthead.content import signals as content_signals
from masthead.content.models import ArticlePage
from masthead.events import signals as events_signals
from masthead.events.models import Order
from masthead.members import signals as members_signals
from masthead.newsletters import signals as newsletters_signals
from masthead.newsletters.models import Issue
from masthead.newsroom import signals as newsroom_signals
from masthead.newsroom.models import Thread

from ..models import WebhookTarget
from ..services import webhook_event_queue
from . import payloads

logger = logging.getLogger(__name__)


def _wanted(event):
    # The common case is no webhook for this event: one cheap query, and no payload is built.
    return any(
        event in (events or [])
        for events in WebhookTarget.objects.filter(active=True).values_list("events", flat=True)
    )


def quietly(fn):
    @functools.wraps(fn)
    def wrapped(*args, **kwargs):
        try:
            fn(*args, **kwargs)
        except Exception:
            logger.exception("Could not queue webhook deliveries (%s)", fn.__name__)

    return wrapped


def _article(article_id):
    return ArticlePage.objects.filter(pk=article_id).first()


@receiver(content_signals.article_published)
@quietly
def article_published(sender, article_id, **kwargs):
    _article_event("article.published", article_id)


@receiver(content_signals.article_updated)
@quietly
def article_updated(sender, article_id, **kwargs):
    _article_event("article.updated", article_id)


@receiver(content_signals.article_unpublished)
@quietly
def article_unpublished(sender, article_id, **kwargs):
    _article_event("article.unpublished", article_id)


def _article_event(event, article_id):
    if not _wanted(event):
        return
    article = _article(article_id)
    if article is not None:
        webhook_event_queue(event=event, payload=payloads.article(article))


def _member_event(event, member_id):
    if not _wanted(event):
        return
    user = get_user_model().objects.filter(pk=member_id).first()
    if user is not None:
        webhook_event_queue(event=event, payload=payloads.member(user, now=timezone.now()))


@receiver(members_signals.member_created)
@quietly
def member_created(sender, member_id, **kwargs):
    _member_event("member.created", member_id)


@receiver(members_signals.member_updated)
@quietly
def member_updated(sender, member_id, **kwargs):
    _member_event("member.updated", member_id)


@receiver(members_signals.member_deleted)
@quietly
def member_deleted(sender, member_id, email, **kwargs):
    if _wanted("member.deleted"):
        webhook_event_queue(event="member.deleted", payload={"id": member_id, "email": email})


@receiver(billing_signals.membership_changed)
@quietly
def membership_changed(sender, subscription_id, change, **kwargs):
    event = f"membership.{change}"
    if not _wanted(event):
        return
    sub = Subscription.objects.select_related("user", "plan").filter(pk=subscription_id).first()
    if sub is not None:
        webhook_event_queue(event=event, payload=payloads.membership(sub, change=change))


@receiver(billing_signals.payment_failed)
@quietly
def payment_failed(sender, payment_id, **kwargs):
    if not _wanted("payment.failed"):
        return
    payment = Payment.objects.filter(pk=payment_id).first()
    if payment is not None:
        webhook_event_queue(event="payment.failed", payload=payloads.payment(payment))


@receiver(newsletters_signals.issue_sent)
@quietly
def newsletter_sent(sender, issue_id, **kwargs):
    if not _wanted("newsletter.sent"):
        return
    issue = Issue.objects.select_related("newsletter").filter(pk=issue_id).first()
    if issue is not None:
        webhook_event_queue(event="newsletter.sent", payload=payloads.newsletter_issue(issue))


@receiver(events_signals.order_paid)
@quietly
def ticket_ordered(sender, order_id, **kwargs):
    if not _wanted("ticket.ordered"):
        return
    order = Order.objects.select_related("event", "ticket_type").filter(pk=order_id).first()
    if order is not None:
        webhook_event_queue(event="ticket.ordered", payload=payloads.order(order))


@receiver(newsroom_signals.message_received)
@quietly
def newsroom_message_received(sender, thread_id, message_id, new_thread, **kwargs):
    if not _wanted("newsroom.message_received"):
        return
    thread = Thread.objects.filter(pk=thread_id).first()
    if thread is not None:
        webhook_event_queue(
            event="newsroom.message_received",
            payload=payloads.newsroom_message(thread, message_id=message_id, new_thread=new_thread),
        )
