"""Newsletters, who receives them, their issues, and one delivery per (issue, recipient).

A **subscription** is a reader's choice and is kept whatever happens to their membership; who
actually receives an issue is decided when it is sent (sending.plan_deliveries) from the
newsletter's audience and the access app's view of each member at that moment.
"""

import copy
import secrets
from email.utils import formataddr

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField

from masthead.content.models import ArticlePage


def new_token():
    return secrets.token_urlsafe(24)


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    MEMBERS = "members", _("Signed-in members")
    PAYING = "paying", _("Paying members")


class Newsletter(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices, default="everyone")
    sender_name = models.CharField(_("sender name"), max_length=100)
    sender_email = models.EmailField(_("sender address"))
    reply_to = models.EmailField(_("reply-to address"), blank=True)
    subscribe_new_members = models.BooleanField(
        _("offer to new members"),
        default=False,
        help_text=_(
            "Offered, unticked, on the form that creates an account: new members subscribe only "
            "if they choose it."
        ),
    )
    in_signup_box = models.BooleanField(
        _("offer in the signup box"),
        default=False,
        help_text=_("Shown in the signup box on articles and the home page (audience everyone only)."),
    )
    track_engagement = models.BooleanField(
        _("track opens and clicks"),
        default=False,
        help_text=_("Adds a tracking pixel and redirects links through the site. Off by default."),
    )
    active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    # The language it is written in (issue 20); empty: both (an issue may carry a Chinese version).
    # Members see the newsletters in their own language first.
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        default="",
        help_text=_("Leave empty for a newsletter in both languages."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("audience"),
        FieldPanel("language"),
        FieldRowPanel([FieldPanel("sender_name"), FieldPanel("sender_email")]),
        FieldPanel("reply_to"),
        MultiFieldPanel(
            [
                FieldPanel("subscribe_new_members"),
                FieldPanel("in_signup_box"),
                FieldPanel("track_engagement"),
                FieldPanel("active"),
                FieldPanel("sort_order"),
            ],
            heading=_("Options"),
        ),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("newsletter")

    def __str__(self):
        return self.name

    @property
    def from_header(self):
        return formataddr((self.sender_name, self.sender_email))


class Subscriber(models.Model):
    """An address that receives newsletters: a member's account, or an email-only reader.

    `token` identifies the subscriber in unsubscribe and manage links (no sign-in needed).
    An email-only subscriber is `confirmed_at` once they click the double opt-in link; a member's
    address is already verified by sign-in.
    """

    email = models.EmailField(_("email"), max_length=254, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_subscriber",
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    token = models.CharField(max_length=48, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The language of the page an email-only reader signed up on (a member's own choice, on their
    # profile, takes precedence): which version of a two-language issue they get.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True, default=""
    )
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("subscriber")

    def __str__(self):
        return self.email


class Subscription(models.Model):
    """A subscriber's choice to receive a newsletter. Unsubscribing sets `ended_at`; the row stays."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="subscriptions")
    started_at = models.DateTimeField(_("subscribed"))
    ended_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=20, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "newsletter"], name="newsletter_subscription_once")
        ]
        indexes = [models.Index(fields=["newsletter", "ended_at"], name="nl_sub_newsletter_active")]
        verbose_name = _("newsletter subscription")

    def __str__(self):
        return f"{self.subscriber} → {self.newsletter}"

    @property
    def active(self):
        return self.ended_at is None


class Suppression(models.Model):
    """An address we must not mail: it bounced, complained, or was blocked by staff.

    Lifted only when the address confirms anew (services.signup_confirm).
    """

    class Reason(models.TextChoices):
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Spam complaint")
        REJECTED = "rejected", _("Rejected by the provider")
        STAFF = "staff", _("Blocked by staff")

    email = models.EmailField(_("email"), max_length=254, unique=True)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("suppressed"))

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return f"{self.email} ({self.get_reason_display()})"


class ArticleBlock(blocks.StructBlock):
    article = blocks.PageChooserBlock(page_type="content.ArticlePage", label=_("Article"))
    note = blocks.TextBlock(
        required=False, label=_("Note"), help_text=_("Optional: a line from the editor above the article.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Article")


class IssueBody(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), icon="title")
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"], label=_("Text"))
    article = ArticleBlock()


class Issue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        CANCELED = "canceled", _("Canceled")

    newsletter = models.ForeignKey(
        Newsletter, verbose_name=_("newsletter"), on_delete=models.PROTECT, related_name="issues"
    )
    subject = models.CharField(_("subject"), max_length=200)
    preheader = models.CharField(
        _("preheader"), max_length=200, blank=True, help_text=_("The line inboxes show after the subject.")
    )
    intro = RichTextField(_("intro"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(IssueBody(), verbose_name=_("body"), blank=True)
    # The Chinese version (issue 20), optional: with a subject, subscribers who read Chinese get it
    # instead of the version above (each subscriber gets one of the two, once).
    subject_zh = models.CharField(_("Chinese subject"), max_length=200, blank=True)
    preheader_zh = models.CharField(_("Chinese preheader"), max_length=200, blank=True)
    intro_zh = RichTextField(_("Chinese intro"), features=["bold", "italic", "link"], blank=True)
    body_zh = StreamField(IssueBody(), verbose_name=_("Chinese body"), blank=True)
    in_archive = models.BooleanField(
        _("show in the archive"), default=True, help_text=_("List this issue on the site once sent.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    scheduled_at = models.DateTimeField(_("send at"), null=True, blank=True)
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    planned_at = models.DateTimeField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Progress, refreshed by the sender after every batch (the deliveries are the record).
    planned_count = models.PositiveIntegerField(_("recipients"), default=0)
    sent_count = models.PositiveIntegerField(_("sent"), default=0)
    failed_count = models.PositiveIntegerField(_("failed"), default=0)
    # The sender's last sign of life; a send whose heartbeat is older than the lease is resumed.
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("newsletter"),
        FieldPanel("subject"),
        FieldPanel("preheader"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("subject_zh"),
                FieldPanel("preheader_zh"),
                FieldPanel("intro_zh"),
                FieldPanel("body_zh"),
            ],
            heading=_("Chinese version (optional)"),
            classname="collapsed",
        ),
        FieldPanel("in_archive"),
    ]

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "scheduled_at"], name="nl_issue_status_due")]
        verbose_name = _("newsletter issue")

    def __str__(self):
        return self.subject

    @property
    def editable(self):
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

    def articles(self):
        """The live articles the body pulls in, in order (one query)."""
        ids = []
        for body in (self.body, self.body_zh):  # both versions' articles: one variant key covers both
            for b in body:
                if b.block_type == "article" and b.value["article"] and b.value["article"].pk not in ids:
                    ids.append(b.value["article"].pk)
        pages = ArticlePage.objects.live().filter(pk__in=ids).in_bulk()
        return [pages[i] for i in ids if i in pages]

    # --- Language versions (issue 20) ---
    MAIN, CHINESE = "main", "zh-hans"

    @property
    def main_language(self):
        """The language the main version is written in: its newsletter's, else the site's."""
        return self.newsletter.language or settings.LANGUAGE_CODE

    def version_for(self, language):
        """The language of the version a reader of `language` gets: Chinese if the issue has a
        Chinese version and they read Chinese, else the main version's language."""
        if language == self.CHINESE and self.subject_zh.strip() and self.main_language != self.CHINESE:
            return self.CHINESE
        return self.main_language

    def in_language(self, language):
        """A copy of the issue showing the version for `language` (not saved: for rendering)."""
        if self.version_for(language) != self.CHINESE or self.main_language == self.CHINESE:
            return self
        version = copy.copy(self)
        version.subject, version.preheader = self.subject_zh, self.preheader_zh
        version.intro, version.body = self.intro_zh, self.body_zh
        return version


class Delivery(models.Model):
    """One recipient's copy of one issue; the unique (issue, subscriber) key makes sending resumable."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        CLAIMED = "claimed", _("Being sent")
        # Handed to the mail server or provider, whose acceptance we have not heard (yet): the
        # worker stopped or the connection dropped in between. Never sent again (at most once);
        # a provider's tracking event confirms it, otherwise staff see it by name on the issue.
        UNCONFIRMED = "unconfirmed", _("Unconfirmed")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    state = models.CharField(max_length=12, choices=State.choices, default="pending")
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    clicked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_delivery_once")
        ]
        indexes = [models.Index(fields=["issue", "state"], name="nl_delivery_issue_state")]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self):
        return f"{self.issue_id} → {self.subscriber_id} ({self.state})"


ACTIVE_SUBSCRIPTION = Q(ended_at__isnull=True)
