"""Every state change of the newsletters app: subscriptions, sign-up, suppression, and issues.

Views, the Wagtail admin, tasks and webhooks call these; each is safe to run twice.
Paired operations: newsletter_subscribe ↔ newsletter_unsubscribe; suppress ↔ signup_confirm
(confirming anew lifts a suppression); issue_schedule ↔ issue_unschedule.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from masthead.core.audit import audit
from masthead.core.mail import inline_connection, render_templated, send_later

from .errors import NewsletterError
from .models import Audience, Delivery, Issue, Newsletter, Subscriber, Subscription, Suppression
from .render import MessageTemplate, Renderer, RenderError, free_variant, personal_values, render_variant
from .sending import mark_sending, recipient_ids
from .suppression import normalise_email, suppress  # noqa: F401
from .tasks import enqueue_send, resume_stalled_issues, start_due_issues  # noqa: F401

SIGNUP_SALT = "masthead.newsletters.signup"
SIGNUP_MAX_AGE = timedelta(days=3)


# --- Subscribers and subscriptions ----------------------------------------------------------
def subscriber_for_user(*, user, now=None):
    """The member's subscriber row, created on first use; its address follows the account's."""
    now = now or timezone.now()
    email = normalise_email(user.email)
    subscriber = Subscriber.objects.filter(user=user).first()
    if subscriber is None:
        # An email-only subscriber who later made an account becomes that account's.
        subscriber = Subscriber.objects.filter(email=email, user__isnull=True).first() if email else None
        if subscriber is None:
            try:
                with transaction.atomic():
                    return Subscriber.objects.create(
                        user=user, email=email or f"user-{user.pk}@invalid", confirmed_at=now, created_at=now
                    )
            except IntegrityError:
                return Subscriber.objects.get(user=user)
        subscriber.user = user
        subscriber.confirmed_at = subscriber.confirmed_at or now
        subscriber.save(update_fields=["user", "confirmed_at"])
    elif email and subscriber.email != email and not Subscriber.objects.filter(email=email).exists():
        subscriber.email = email
        subscriber.save(update_fields=["email"])
    return subscriber


def newsletter_subscribe(*, subscriber, newsletter, source="", now=None):
    """Start (or restart) `subscriber`'s subscription. Returns True if it changed anything."""
    now = now or timezone.now()
    sub, created = Subscription.objects.get_or_create(
        subscriber=subscriber, newsletter=newsletter, defaults={"started_at": now, "source": source}
    )
    if created:
        return True
    if sub.ended_at is not None:
        sub.ended_at, sub.started_at = None, now
        sub.save(update_fields=["ended_at", "started_at"])
        return True
    return False


def newsletter_unsubscribe(*, subscriber, newsletter, now=None):
    """End the subscription (the row stays, as a record of the choice). True if it was active."""
    now = now or timezone.now()
    return bool(
        Subscription.objects.filter(
            subscriber=subscriber, newsletter=newsletter, ended_at__isnull=True
        ).update(ended_at=now)
    )


def newsletter_import_choice(*, subscriber, newsletter, started_at, source, now=None):
    """Record a choice a reader made on another platform (an import). Returns True if new.

    Unlike newsletter_subscribe this never restarts a subscription the reader ended here: a
    re-run of the same import must not undo an unsubscribe.
    """
    now = now or timezone.now()
    _sub, created = Subscription.objects.get_or_create(
        subscriber=subscriber,
        newsletter=newsletter,
        defaults={"started_at": min(started_at or now, now), "source": source[:20]},
    )
    return created


def newsletters_by_name():
    """Every newsletter by its slug and by its name (lower case): how an import names them."""
    found = {}
    for newsletter in Newsletter.objects.all():
        found[newsletter.slug.lower()] = newsletter
        found[newsletter.name.strip().lower()] = newsletter
    return found


def default_newsletters():
    """The newsletters a new member starts with (an import's default for "subscribed to emails")."""
    return list(Newsletter.objects.filter(active=True, subscribe_new_members=True))


def member_set_choices(*, user, newsletter_ids, now=None):
    """Set which newsletters a member receives (the account page). Newsletters the member cannot
    currently receive (e.g. paid-only while lapsed) may be chosen; they start arriving on renewal."""
    now = now or timezone.now()
    wanted = {int(i) for i in newsletter_ids}
    with transaction.atomic():
        subscriber = subscriber_for_user(user=user, now=now)
        for newsletter in Newsletter.objects.filter(active=True):
            if newsletter.pk in wanted:
                newsletter_subscribe(subscriber=subscriber, newsletter=newsletter, source="account", now=now)
            else:
                newsletter_unsubscribe(subscriber=subscriber, newsletter=newsletter, now=now)
    return subscriber


def subscribe_new_member(*, user, newsletter_ids, now=None):
    """A new account gets the newsletters its owner ticked at sign-up, among those offered there
    ("offer to new members"). Nothing is ticked for them: no choice, no subscription."""
    now = now or timezone.now()
    defaults = list(
        Newsletter.objects.filter(active=True, subscribe_new_members=True, pk__in=list(newsletter_ids))
    )
    if not defaults:
        return 0
    with transaction.atomic():
        subscriber = subscriber_for_user(user=user, now=now)
        return sum(
            newsletter_subscribe(subscriber=subscriber, newsletter=n, source="new member", now=now)
            for n in defaults
        )


def active_newsletter_ids(subscriber):
    if subscriber is None:
        return set()
    return set(subscriber.subscriptions.filter(ended_at__isnull=True).values_list("newsletter_id", flat=True))


# --- Double opt-in for email-only readers ---------------------------------------------------
def signup_request(*, email, newsletter_ids, now=None):
    """Email a confirmation link; nothing is stored until it is clicked (double opt-in).

    The same answer and the same email whether or not the address is already subscribed, so the
    form reveals nothing about who reads us.
    """
    email = normalise_email(email)
    newsletters = list(
        Newsletter.objects.filter(pk__in=newsletter_ids, active=True, audience=Audience.EVERYONE)
    )
    if not newsletters:
        raise NewsletterError("signup.no_newsletter")
    # The language of the page they signed up on comes back with the link (issue 20).
    data = {"e": email, "n": [n.pk for n in newsletters], "l": translation.get_language() or ""}
    token = signing.dumps(data, salt=SIGNUP_SALT, compress=True)
    message = render_templated(
        "newsletters/email/confirm",
        to=email,
        context={
            "newsletters": newsletters,
            "confirm_url": settings.SITE_URL + reverse("newsletters:confirm", args=[token]),
        },
    )
    # Nothing is stored, so there is no commit to wait for: the worker sends it, and the reader
    # is told if it could be neither queued nor sent.
    if not send_later(message):
        raise NewsletterError("signup.mail_failed")
    return token


def signup_confirm(*, token, now=None):
    """Subscribe the address the link was sent to. Lifts any suppression: the reader has just
    shown the address works and wants our mail. Safe to click twice."""
    now = now or timezone.now()
    try:
        data = signing.loads(token, salt=SIGNUP_SALT, max_age=SIGNUP_MAX_AGE)
        email = normalise_email(data["e"])
        ids = [int(i) for i in data["n"]]
        language = data.get("l") if data.get("l") in dict(settings.LANGUAGES) else ""
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise NewsletterError("signup.link_invalid") from None
    with transaction.atomic():
        try:
            with transaction.atomic():
                subscriber, _created = Subscriber.objects.get_or_create(
                    email=email, defaults={"created_at": now, "confirmed_at": now}
                )
        except IntegrityError:
            subscriber = Subscriber.objects.get(email=email)
        if subscriber.confirmed_at is None:
            subscriber.confirmed_at = now
            subscriber.save(update_fields=["confirmed_at"])
        if language and not subscriber.language:
            Subscriber.objects.filter(pk=subscriber.pk).update(language=language)
            subscriber.language = language
        lifted = Suppression.objects.filter(email=email).delete()[0]
        newsletters = list(Newsletter.objects.filter(pk__in=ids, active=True, audience=Audience.EVERYONE))
        for newsletter in newsletters:
            newsletter_subscribe(subscriber=subscriber, newsletter=newsletter, source="signup", now=now)
        audit(
            "newsletters.signup.confirmed",
            target=subscriber,
            now=now,
            newsletters=[n.slug for n in newsletters],
            suppression_lifted=bool(lifted),
        )
    return subscriber, newsletters


def unsubscribe_by_token(*, token, newsletter_slug=None, now=None):
    """One-click unsubscribe: from one newsletter, or from all when no slug is given."""
    now = now or timezone.now()
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        raise NewsletterError("unsubscribe.link_invalid")
    newsletters = Newsletter.objects.all()
    if newsletter_slug:
        newsletters = newsletters.filter(slug=newsletter_slug)
        if not newsletters.exists():
            raise NewsletterError("unsubscribe.link_invalid")
    with transaction.atomic():
        ended = [
            n for n in newsletters if newsletter_unsubscribe(subscriber=subscriber, newsletter=n, now=now)
        ]
        if ended:
            audit(
                "newsletters.unsubscribed",
                member=subscriber.user,
                target=subscriber,
                now=now,
                newsletters=[n.slug for n in ended],
            )
    return subscriber, list(newsletters)


# --- Reconciling unconfirmed deliveries ------------------------------------------------------
# anymail's normalised tracking events that show the provider took the message, and those that
# show it did not reach the recipient.
TOOK_IT = {"queued", "sent", "deferred", "delivered", "autoresponded", "opened", "clicked", "complained"}
DID_NOT = {"rejected", "failed", "bounced"}


def delivery_reconcile(*, key, event_type, detail="", now=None):
    """A provider's tracking event about a delivery (`key` from its metadata, "<issue>.<delivery>"):
    an unconfirmed delivery becomes sent or failed. Returns True if it changed anything. Events
    about deliveries already settled change nothing (they arrive many times, in any order)."""
    now = now or timezone.now()
    try:
        issue_id, delivery_id = (int(part) for part in str(key).split("."))
    except ValueError:
        return False
    if event_type in TOOK_IT:
        change = {"state": Delivery.State.SENT}
    elif event_type in DID_NOT:
        change = {"state": Delivery.State.FAILED, "error": (detail or event_type)[:300]}
    else:
        return False
    with transaction.atomic():
        updated = Delivery.objects.filter(
            pk=delivery_id, issue_id=issue_id, state=Delivery.State.UNCONFIRMED
        ).update(**change)
        if updated:
            Issue.objects.filter(pk=issue_id).update(
                sent_count=Delivery.objects.filter(issue_id=issue_id, state=Delivery.State.SENT).count(),
                failed_count=Delivery.objects.filter(issue_id=issue_id, state=Delivery.State.FAILED).count(),
            )
            audit(
                "newsletters.delivery.reconciled",
                target=Issue.objects.get(pk=issue_id),
                now=now,
                delivery=delivery_id,
                event=event_type,
            )
    return bool(updated)


# --- Issues ---------------------------------------------------------------------------------
def check_mail_setup():
    """Raise NewsletterError if the configured mail backend cannot be used right now."""
    try:
        backend = get_connection(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - missing provider settings surface as many types
        raise NewsletterError("mail.not_configured", error=str(error)) from error
    if isinstance(backend, SmtpBackend):
        try:
            backend.open()
        except Exception as error:  # noqa: BLE001
            raise NewsletterError("mail.unreachable", error=str(error)) from error
        finally:
            backend.close()


def issue_check(*, issue, now=None):
    """Everything that must hold before an issue may be sent or scheduled. Returns the number of
    recipients it would have now. Renders the free and the full variant, so a template error
    stops the send here, with nothing sent."""
    now = now or timezone.now()
    if not issue.editable:
        raise NewsletterError("issue.not_editable")
    if not issue.newsletter.active:
        raise NewsletterError("issue.newsletter_inactive")
    if not issue.intro.strip() and not len(issue.body):
        raise NewsletterError("issue.empty")
    renderer = Renderer(issue, now=now)
    try:
        for language in {issue.main_language, issue.version_for("zh-hans")}:  # every version goes out
            renderer.template(free_variant(renderer.articles, now), language)
            renderer.template(tuple(True for _a in renderer.articles), language)
    except RenderError as error:
        raise NewsletterError("issue.render_failed", error=str(error)) from error
    recipients = len(recipient_ids(issue.newsletter, now))
    if not recipients:
        raise NewsletterError("issue.no_recipients")
    check_mail_setup()
    return recipients


def issue_send_now(*, issue, actor, now=None):
    now = now or timezone.now()
    recipients = issue_check(issue=issue, now=now)
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if not issue.editable:
            raise NewsletterError("issue.not_editable")
        _start(issue, now)
        audit("newsletters.issue.send_started", actor=actor, target=issue, now=now, recipients=recipients)
    return issue


def _start(issue, now):
    """SCHEDULED/DRAFT → SENDING, and enqueue the sender after commit."""
    mark_sending(issue, now)
    transaction.on_commit(lambda: enqueue_send(issue.pk))


def issue_schedule(*, issue, at, actor, now=None):
    now = now or timezone.now()
    if at is None or at <= now:
        raise NewsletterError("issue.schedule_in_past")
    recipients = issue_check(issue=issue, now=now)
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if not issue.editable:
            raise NewsletterError("issue.not_editable")
        issue.status = Issue.Status.SCHEDULED
        issue.scheduled_at = at
        issue.save(update_fields=["status", "scheduled_at"])
        audit(
            "newsletters.issue.scheduled",
            actor=actor,
            target=issue,
            now=now,
            at=at.isoformat(),
            recipients_now=recipients,
        )
    return issue


def issue_unschedule(*, issue, actor, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if issue.status != Issue.Status.SCHEDULED:
            raise NewsletterError("issue.not_scheduled")
        issue.status = Issue.Status.DRAFT
        issue.scheduled_at = None
        issue.save(update_fields=["status", "scheduled_at"])
        audit("newsletters.issue.unscheduled", actor=actor, target=issue, now=now)
    return issue


def issue_send_test(*, issue, actor, now=None):
    """Send the editor the issue twice: as a free reader and as a paying reader receive it."""
    now = now or timezone.now()
    if not actor.email:
        raise NewsletterError("test.no_address")

    renderer = Renderer(issue, now=now)
    subscriber = subscriber_for_user(user=actor, now=now)
    variants = [
        ("free", free_variant(renderer.articles, now)),
        ("full", tuple(True for _ in renderer.articles)),
    ]
    sent = 0
    # Each language version the issue has (issue 20), as a free and as a paying reader.
    versions = sorted({issue.main_language, issue.version_for("zh-hans")})
    for (label, key), version in [(v, lang) for lang in versions for v in variants]:
        try:
            with translation.override(version):
                version_issue = issue.in_language(version)
                html, text = render_variant(version_issue, renderer.articles, key)
                template = MessageTemplate.build(version_issue, html, text)
        except RenderError as error:
            raise NewsletterError("issue.render_failed", error=str(error)) from error
        message = template.as_email(
            personal_values(
                address=actor.email,
                name="",
                token=subscriber.token,
                message_id=f"test.{issue.pk}.{version}.{label}.{int(now.timestamp())}",
            )
        )
        prefix = _("TEST · as a free reader") if label == "free" else _("TEST · as a paying reader")
        message.subject = f"[{prefix}] {message.subject}"
        # Sent here, for the editor to see the result; a short timeout (core.mail) bounds the wait.
        message.connection = inline_connection()
        try:
            sent += message.send()
        except Exception as error:  # noqa: BLE001 - reported to the editor, nothing is recorded
            raise NewsletterError("mail.unreachable", error=str(error)) from error
    audit("newsletters.issue.test_sent", actor=actor, target=issue, now=now)
    return sent


# --- Engagement (only when the newsletter tracks it) ----------------------------------------
def record_open(*, delivery_id, now=None):
    now = now or timezone.now()
    return bool(Delivery.objects.filter(pk=delivery_id, opened_at__isnull=True).update(opened_at=now))


def record_click(*, delivery_id, now=None):
    now = now or timezone.now()
    Delivery.objects.filter(pk=delivery_id, opened_at__isnull=True).update(opened_at=now)
    return bool(Delivery.objects.filter(pk=delivery_id, clicked_at__isnull=True).update(clicked_at=now))
