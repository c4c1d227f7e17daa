"""Every change to the newsroom line: opening threads, replies, assignment, status, notes.

Each function checks state, locks the thread, saves, audits, and queues its email notice on
commit. The thread is the record and email is only a notice: a notice that fails is logged by
core.mail and never undoes the change. Publication of a Q&A lives in publishing.py, inbound email
in inbound.py, the digest in digest.py.
"""

import html
import re
from datetime import timedelta

import nh3
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from masthead.access.readers import load_reader
from masthead.core import ratelimit
from masthead.core.audit import audit
from masthead.core.mail import send_on_commit

from . import files, signals
from .errors import NewsroomRefused
from .models import OPEN_STATUSES, Attachment, InboxSettings, Kind, Message, Note, Status, Thread

# Per IP and per address, for everyone who writes in (members included): enough for a busy
# source, too few for a flood.
SEND_LIMIT = 5
SEND_WINDOW_SECONDS = 3600
MAX_BODY = 10_000
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# --- helpers ---------------------------------------------------------------------------------
def clean_text(value, *, max_length=MAX_BODY):
    """Plain text from what someone typed or emailed: tags and scripts removed, controls dropped.

    Templates escape it again on output; this makes the stored record free of markup too.
    """
    value = CONTROL_CHARS.sub("", str(value or "")).replace("\r\n", "\n").replace("\r", "\n")
    value = html.unescape(nh3.clean(value, tags=set()))
    return value.strip()[:max_length]


def html_to_text(value):
    value = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", value or "")
    return clean_text(value)


def is_paying(user, now=None):
    """The access app decides: a premium grant covering now (DESIGN.md)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    now = now or timezone.now()
    return load_reader(user, now).is_paying(now)


def working_days_after(start, days):
    """`start` plus `days` working days (Monday to Friday) in the newsroom's time zone."""
    local = timezone.localtime(start)
    added = 0
    while added < days:
        local += timedelta(days=1)
        if local.weekday() < 5:
            added += 1
    return local


def within_limit(key, limit=SEND_LIMIT, window=SEND_WINDOW_SECONDS):
    return ratelimit.hit(key, limit=limit, window=window)


def _check_flood(*, client_ip, email):
    for key in (f"newsroom:ip:{client_ip}", f"newsroom:email:{(email or '').lower()}"):
        if not within_limit(key):
            raise NewsroomRefused("flood")


def _attach(message, uploads, now):
    """Check every file before storing any, so a refused file leaves nothing behind."""
    uploads = list(uploads or [])
    if len(uploads) > files.MAX_FILES:
        raise NewsroomRefused("too_many_files", limit=files.MAX_FILES)
    checked = []
    for upload in uploads:
        data, ext, ctype = files.check_upload(upload)
        name = upload[0] if isinstance(upload, tuple) else upload.name
        checked.append((data, ext, ctype, files.safe_original_name(name)))
    stored_names = []
    for data, ext, ctype, original in checked:
        # Written inside the caller's transaction, after every check has passed; a rollback
        # after this point would leave an unreferenced file (see docs/notes/issue-8.md). A file
        # that cannot be stored refuses the whole message and removes the files stored before it.
        try:
            stored = files.store(data, ext, original=original)
        except NewsroomRefused:
            for name in stored_names:
                files.remove(name)
            raise
        stored_names.append(stored)
        Attachment.objects.create(
            message=message,
            stored_name=stored,
            original_name=original,
            content_type=ctype,
            extension=ext,
            size=len(data),
            created_at=now,
        )


def admin_url(thread):
    return settings.SITE_URL + reverse("newsroom_admin:thread", args=[thread.pk])


def thread_url(thread):
    return settings.SITE_URL + reverse("newsroom:thread", args=[thread.pk])


def sender_address(thread):
    if thread.sender_id and thread.sender.email:
        return thread.sender.email
    return thread.sender_email


def _response_days():
    return InboxSettings.load().response_days


# --- opening threads -------------------------------------------------------------------------
def thread_open(
    *,
    kind,
    subject,
    body,
    sender=None,
    sender_name="",
    sender_email="",
    confidential=False,
    section=None,
    article_url="",
    uploads=(),
    author=None,
    client_ip="",
    honeypot="",
    now=None,
):
    """A reader writes to the newsroom. Returns the thread, or None for a bot (honeypot filled).

    A paying member opens a *conversation*: it gets a response target and lives on their
    account page. Anyone else's message is received the same way, without those benefits.
    """
    now = now or timezone.now()
    if honeypot:
        return None  # looks like success to the bot; nothing is kept
    body = clean_text(body)
    subject = clean_text(subject, max_length=200)
    if not body:
        raise NewsroomRefused("empty")
    if sender is not None and sender.is_authenticated:
        sender_email = sender.email
    else:
        sender = None
    _check_flood(client_ip=client_ip, email=sender_email)
    conversation = sender is not None and is_paying(sender, now)
    if kind == Kind.TIP:
        pass
    else:
        confidential = False  # only tips may hide their source
    with transaction.atomic():
        thread = Thread.objects.create(
            kind=kind,
            subject=subject or body[:80],
            sender=sender,
            sender_name=clean_text(sender_name, max_length=100),
            sender_email="" if sender else sender_email,
            confidential=bool(confidential),
            is_conversation=conversation,
            section=section,
            article_url=article_url[:500],
            author=author,
            assignee=getattr(author, "user", None) if author else None,
            due_at=working_days_after(now, _response_days()) if conversation else None,
            created_at=now,
            updated_at=now,
        )
        message = Message.objects.create(
            thread=thread, direction=Message.Direction.IN, body=body, created_at=now
        )
        _attach(message, uploads, now)
        audit(
            "newsroom.thread.received",
            member=sender,
            target=thread,
            now=now,
            kind=kind,
            conversation=conversation,
            confidential=thread.confidential,
        )
        to = sender_address(thread)
        if to:
            send_on_commit(
                "newsroom/email/received",
                to=to,
                context={"thread": thread, "thread_url": thread_url(thread), "name": thread.sender_name},
                headers={"Reply-To": thread.reply_address} if conversation else None,
            )
        if thread.assignee_id and thread.assignee.email:
            _notify_assignee(thread)
        _announce(thread, message, new_thread=True)
    return thread


def _announce(thread, message, *, new_thread):
    transaction.on_commit(
        lambda: signals.message_received.send(
            sender=Thread, thread_id=thread.pk, message_id=message.pk, new_thread=new_thread
        )
    )


def author_contact_handler(**message):
    """content.author_contact's handler (registered in apps.py): None once sent, or the refusal's
    message for the form."""
    try:
        author_contact(**message)
    except NewsroomRefused as refusal:
        return refusal.message
    return None


def author_contact(
    *, author, sender_name, sender_email, body, sender=None, client_ip="", honeypot="", now=None
):
    """A reader writes to a journalist from their author page.

    The message lands in the newsroom inbox as a thread assigned to the author (their staff
    account, if they have one). The author gets a notice at their private address; the address
    is never shown to the reader, and the reader's address is shown only to staff in the inbox.
    """
    thread = thread_open(
        kind=Kind.AUTHOR,
        subject=f"{author.title}: {' '.join(clean_text(body).split())[:80]}",
        body=body,
        sender=sender,
        sender_name=sender_name,
        sender_email=sender_email,
        author=author,
        client_ip=client_ip,
        honeypot=honeypot,
        now=now,
    )
    if (
        thread is not None
        and author.email
        and not (thread.assignee_id and thread.assignee.email == author.email)
    ):
        send_on_commit(
            "newsroom/email/author_notice",
            to=author.email,
            context={"thread": thread, "author": author, "admin_url": admin_url(thread), "body": body},
        )
    return thread


def _notify_assignee(thread):
    send_on_commit(
        "newsroom/email/assigned",
        to=thread.assignee.email,
        context={"thread": thread, "admin_url": admin_url(thread), "assignee": thread.assignee},
    )


# --- the sender's side -----------------------------------------------------------------------
def thread_sender_reply(*, thread, body, uploads=(), via=Message.Via.WEB, email_message_id=None, now=None):
    """The sender adds to their thread (on the site, or by replying to our email).

    Returns the message, or None when an email with this Message-ID was already recorded.
    """
    now = now or timezone.now()
    body = clean_text(body)
    if not body:
        raise NewsroomRefused("empty")
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        if via == Message.Via.WEB and not (thread.is_conversation and is_paying(thread.sender, now)):
            raise NewsroomRefused("not_paying")
        if email_message_id and thread.messages.filter(email_message_id=email_message_id).exists():
            return None
        message = Message.objects.create(
            thread=thread,
            direction=Message.Direction.IN,
            via=via,
            body=body,
            email_message_id=email_message_id or None,
            created_at=now,
        )
        _attach(message, uploads, now)
        fields = ["updated_at"]
        thread.updated_at = now
        if thread.status != Status.RECEIVED:
            thread.status = Status.IN_PROGRESS
            fields.append("status")
        if thread.is_conversation:
            thread.due_at = working_days_after(now, _response_days())
            fields.append("due_at")
        thread.save(update_fields=fields)
        audit("newsroom.thread.sender_replied", member=thread.sender, target=thread, now=now, via=via)
        if thread.assignee_id and thread.assignee.email:
            send_on_commit(
                "newsroom/email/sender_replied",
                to=thread.assignee.email,
                context={"thread": thread, "admin_url": admin_url(thread)},
            )
        _announce(thread, message, new_thread=False)
    return message


# --- the newsroom's side ---------------------------------------------------------------------
def can_see_sender(user, thread):
    return not thread.confidential or user.has_perm("newsroom.view_confidential_sender")


def can_handle(user, thread):
    """Editors (change permission) handle every thread; authors only those assigned to them."""
    if user.has_perm("newsroom.change_thread"):
        return True
    return user.has_perm("newsroom.view_thread") and thread.assignee_id == user.pk


def _require(user, thread):
    if not can_handle(user, thread):
        raise NewsroomRefused("not_allowed")


def fill_placeholders(body, *, thread):
    """Fill a reply's `{name}` (typed, or from a canned reply) with the sender's name — or, for a
    confidential sender, a neutral word: the reply is stored in the thread, where staff without
    the permission to see the sender would otherwise read their name."""
    name = "" if thread.confidential else thread.sender_name
    return body.replace("{name}", name or gettext("reader"))


def thread_reply(*, thread, staff, body, now=None):
    """The newsroom answers. The sender is emailed the answer, with a Reply-To into the thread.
    `{name}` in `body` is filled by fill_placeholders."""
    now = now or timezone.now()
    _require(staff, thread)
    body = clean_text(fill_placeholders(body, thread=thread))
    if not body:
        raise NewsroomRefused("empty")
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        message = Message.objects.create(
            thread=thread,
            direction=Message.Direction.OUT,
            via=Message.Via.ADMIN,
            staff=staff,
            body=body,
            created_at=now,
        )
        thread.status = Status.ANSWERED
        thread.due_at = None
        thread.updated_at = now
        thread.first_answered_at = thread.first_answered_at or now
        thread.save(update_fields=["status", "due_at", "updated_at", "first_answered_at"])
        audit("newsroom.thread.replied", actor=staff, member=thread.sender, target=thread, now=now)
        to = sender_address(thread)
        if to:
            send_on_commit(
                "newsroom/email/reply",
                to=to,
                context={
                    "thread": thread,
                    "message": message,
                    "name": thread.sender_name,
                    "thread_url": thread_url(thread) if thread.is_conversation else "",
                },
                headers={"Reply-To": thread.reply_address},
            )
    return message


def thread_assign(*, thread, assignee, actor, now=None):
    now = now or timezone.now()
    _require(actor, thread)
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        if thread.assignee_id == (assignee.pk if assignee else None):
            return thread
        thread.assignee = assignee
        thread.updated_at = now
        fields = ["assignee", "updated_at"]
        if assignee is not None and thread.status == Status.RECEIVED:
            thread.status = Status.IN_PROGRESS
            fields.append("status")
        thread.save(update_fields=fields)
        audit(
            "newsroom.thread.assigned",
            actor=actor,
            target=thread,
            now=now,
            assignee=assignee.pk if assignee else None,
        )
        if assignee is not None and assignee.email and assignee.pk != actor.pk:
            _notify_assignee(thread)
    return thread


def thread_set_status(*, thread, status, actor, now=None):
    now = now or timezone.now()
    _require(actor, thread)
    if status not in Status.values:
        raise ValueError(status)
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        if thread.status == status:
            return thread
        previous = thread.status
        thread.status = status
        thread.updated_at = now
        if status not in OPEN_STATUSES:
            thread.due_at = None
        elif thread.is_conversation and thread.due_at is None:
            thread.due_at = working_days_after(now, _response_days())
        thread.save(update_fields=["status", "updated_at", "due_at"])
        audit("newsroom.thread.status", actor=actor, target=thread, now=now, old=previous, new=status)
    return thread


def thread_set_confidential(*, thread, confidential, actor, now=None):
    """Mark or unmark a tip's sender as confidential. Only those who may see such senders may."""
    now = now or timezone.now()
    if not (can_handle(actor, thread) and actor.has_perm("newsroom.view_confidential_sender")):
        raise NewsroomRefused("not_allowed")
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        thread.confidential = bool(confidential)
        thread.save(update_fields=["confidential"])
        audit(
            "newsroom.thread.confidential",
            actor=actor,
            target=thread,
            now=now,
            confidential=thread.confidential,
        )
    return thread


def thread_set_correction_record(*, thread, keep, actor, now=None):
    now = now or timezone.now()
    _require(actor, thread)
    with transaction.atomic():
        Thread.objects.filter(pk=thread.pk).update(correction_record=bool(keep))
        audit("newsroom.thread.correction_record", actor=actor, target=thread, now=now, keep=bool(keep))


def thread_note(*, thread, staff, body, now=None):
    """An internal note: staff only, never shown or sent to the sender."""
    now = now or timezone.now()
    _require(staff, thread)
    body = clean_text(body)
    if not body:
        raise NewsroomRefused("empty")
    with transaction.atomic():
        note = Note.objects.create(thread=thread, staff=staff, body=body, created_at=now)
        audit("newsroom.thread.noted", actor=staff, target=thread, now=now)
    return note


def attachment_opened(*, attachment, staff, now=None):
    """Record who downloaded a file (sources' documents are sensitive)."""
    _require(staff, attachment.message.thread)
    audit(
        "newsroom.attachment.downloaded",
        actor=staff,
        target=attachment,
        now=now,
        thread=attachment.message.thread_id,
    )
