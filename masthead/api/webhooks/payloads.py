"""What each webhook event says. Loaded after the change committed, by id.

Never here: article bodies (only the title and the dek, which every visitor sees), message
bodies and senders of newsroom threads (a tip may be confidential), ticket codes (they admit
people), tokens, secrets, card or provider details.
"""

from masthead.access.selectors import member_status
from masthead.content.selectors import section_index
from masthead.members.services import display_name
from masthead.newsroom import services as newsroom_services


def _iso(value):
    return value.isoformat() if value else None


def article(article):
    section = section_index().get(article.path[: -article.steplen])
    return {
        "id": article.pk,
        "title": article.title,
        "slug": article.slug,
        "url": article.full_url if article.live else None,
        "excerpt": article.dek,
        "visibility": {"premium": "paid"}.get(article.effective_access_level, article.effective_access_level),
        "language": article.language,
        "published_at": _iso(article.date),
        "updated_at": _iso(article.last_published_at),
        "section": section.slug if section else None,
        "authors": [{"name": a.title, "slug": a.slug} for a in article.authors],
        "tags": [t.slug for t in article.tags.all()],
    }


def member(user, *, now):
    return {
        "id": user.pk,
        "email": user.email,
        "name": display_name(user),
        "created_at": _iso(user.date_joined),
        "status": member_status(user=user, now=now),
    }


def membership(subscription, *, change):
    return {
        "subscription_id": subscription.pk,
        "change": change,
        "member": {
            "id": subscription.user_id,
            "email": subscription.user.email if subscription.user else None,
        },
        "plan": subscription.plan.slug,
        "status": subscription.status,
        "quantity": subscription.quantity,
        "started_at": _iso(subscription.started_at),
        "current_period_end": _iso(subscription.current_period_end),
        "cancel_at_period_end": subscription.cancel_at_period_end,
    }


def payment(payment):
    return {
        "payment_id": payment.pk,
        "member": {"id": payment.user_id, "email": payment.billing_email or None},
        "subscription_id": payment.subscription_id,
        "amount": payment.amount,
        "currency": payment.currency,
        "state": payment.state,
        "created_at": _iso(payment.created_at),
    }


def newsletter_issue(issue):
    return {
        "issue_id": issue.pk,
        "newsletter": {"id": issue.newsletter_id, "name": issue.newsletter.name},
        "subject": issue.subject,
        "recipients": issue.planned_count,
        "sent": issue.sent_count,
        "failed": issue.failed_count,
        "finished_at": _iso(issue.finished_at),
    }


def order(order):
    return {
        "order_id": str(order.pk),
        "event": {
            "id": order.event_id,
            "title": order.event.title,
            "url": order.event.full_url,
            "starts_at": _iso(order.event.starts_at),
        },
        "ticket_type": order.ticket_type.name,
        "quantity": order.quantity,
        "total": order.total,
        "currency": order.currency,
        "member_price": order.member_price,
        "buyer": {"member_id": order.user_id, "email": order.email},
        "paid_at": _iso(order.paid_at),
    }


def newsroom_message(thread, *, message_id, new_thread):
    return {
        "thread_id": thread.pk,
        "message_id": message_id,
        "new_thread": new_thread,
        "kind": thread.kind,
        "status": thread.status,
        "conversation": thread.is_conversation,
        "due_at": _iso(thread.due_at),
        "admin_url": newsroom_services.admin_url(thread),
    }
