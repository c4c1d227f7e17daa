"""The newsroom line: threads between readers and the newsroom, their messages, notes and files."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


def new_reply_token():
    # 128 bits: the token in a Reply-To address is what lets an email join a thread.
    return secrets.token_urlsafe(16).replace("-", "x").replace("_", "y")


class Kind(models.TextChoices):
    QUESTION = "question", _("Question")
    TIP = "tip", _("Story tip")
    CORRECTION = "correction", _("Correction")
    FEEDBACK = "feedback", _("Feedback")
    AUTHOR = "author", _("Message to an author")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (Status.RECEIVED, Status.IN_PROGRESS)


class Thread(models.Model):
    """One conversation between a sender and the newsroom. The thread is the record; email is a notice."""

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    subject = models.CharField(_("subject"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    # The sender: a member (sender set) or a visitor (only name and address). Erased with the account.
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsroom_threads",
    )
    sender_name = models.CharField(_("sender's name"), max_length=100, blank=True)
    sender_email = models.EmailField(_("sender's address"), blank=True)
    confidential = models.BooleanField(
        _("confidential sender"),
        default=False,
        help_text=_("Only editors allowed to see confidential senders see who sent this."),
    )
    # A conversation (replies, response target, account-page thread) is a paying member's benefit,
    # fixed when the thread is opened.
    is_conversation = models.BooleanField(_("member conversation"), default=False)
    section = models.ForeignKey(
        "content.SectionPage",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    article_url = models.URLField(_("article"), max_length=500, blank=True)
    author = models.ForeignKey(
        "content.AuthorPage",
        verbose_name=_("written to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsroom_assigned",
    )
    reply_token = models.CharField(max_length=40, unique=True, default=new_reply_token, editable=False)
    due_at = models.DateTimeField(_("answer due"), null=True, blank=True)
    first_answered_at = models.DateTimeField(null=True, blank=True)
    # Kept (anonymised) when the sender deletes their account: the newsroom's correction record.
    correction_record = models.BooleanField(_("keep for the corrections record"), default=False)
    created_at = models.DateTimeField(_("received"), db_index=True)
    updated_at = models.DateTimeField(_("last activity"))

    class Meta:
        verbose_name = _("newsroom thread")
        ordering = ["-updated_at"]
        permissions = [("view_confidential_sender", _("Can see who sent a confidential tip"))]
        indexes = [models.Index(fields=["status", "due_at"], name="newsroom_thread_due")]

    def __str__(self):
        return self.subject

    @property
    def reply_address(self):
        return f"newsroom+{self.reply_token}@{settings.NEWSROOM_REPLY_DOMAIN}"

    def is_overdue(self, now):
        return self.status in OPEN_STATUSES and self.due_at is not None and self.due_at < now


class Message(models.Model):
    """One message in a thread, from the sender (incoming) or the newsroom (outgoing)."""

    class Direction(models.TextChoices):
        IN = "in", _("From the sender")
        OUT = "out", _("From the newsroom")

    class Via(models.TextChoices):
        WEB = "web", _("Website")
        EMAIL = "email", _("Email")
        ADMIN = "admin", _("Admin")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    via = models.CharField(max_length=8, choices=Via.choices, default=Via.WEB)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"))
    # An inbound email's Message-ID: a provider retrying its webhook adds nothing twice.
    email_message_id = models.CharField(max_length=250, null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["thread", "email_message_id"], name="newsroom_message_once")
        ]

    def __str__(self):
        return f"{self.thread_id}:{self.pk}"


class Attachment(models.Model):
    """A checked file kept under NEWSROOM_PRIVATE_DIR with a random name; staff download it."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    stored_name = models.CharField(max_length=80, unique=True)
    original_name = models.CharField(max_length=120, blank=True)
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=8)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField()

    def __str__(self):
        return self.original_name or self.stored_name

    @property
    def download_name(self):
        return f"thread-{self.message.thread_id}-file-{self.pk}.{self.extension}"


class Note(models.Model):
    """An internal note on a thread. Senders never see notes."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="notes")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("note"))
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:50]


class CannedReply(models.Model):
    title = models.CharField(_("title"), max_length=100, unique=True)
    body = models.TextField(
        _("text"),
        help_text=_(
            "{name} is replaced by the sender's name, or by “reader” when the sender is confidential."
        ),
    )

    class Meta:
        verbose_name = _("canned reply")
        verbose_name_plural = _("canned replies")
        ordering = ["title"]

    def __str__(self):
        return self.title


class Publication(models.Model):
    """Asking a member to publish their question and our answer, and what they said.

    Consent is recorded with its wording and time; a page is created only after it is given.
    """

    class State(models.TextChoices):
        REQUESTED = "requested", _("Consent requested")
        GIVEN = "given", _("Consent given")
        DECLINED = "declined", _("Consent declined")
        PUBLISHED = "published", _("Published")

    thread = models.OneToOneField(Thread, on_delete=models.CASCADE, related_name="publication")
    state = models.CharField(max_length=12, choices=State.choices, default=State.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField()
    consent_text = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    show_name = models.BooleanField(default=False)
    page = models.ForeignKey(
        "content.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"{self.thread_id}: {self.state}"


class DigestRun(models.Model):
    """One row per daily digest: the unique date makes a second run on the same day a no-op."""

    day = models.DateField(unique=True)
    sent_to = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.day)


@register_setting(icon="mail")
class InboxSettings(BaseGenericSetting):
    response_days = models.PositiveSmallIntegerField(
        _("response target (working days)"),
        default=2,
        help_text=_("Paying members are answered within this many working days (Monday to Friday)."),
    )
    digest_hour = models.PositiveSmallIntegerField(
        _("daily digest hour"), default=8, help_text=_("Local time; the digest goes out once a day after it.")
    )

    class Meta:
        verbose_name = _("newsroom inbox")
