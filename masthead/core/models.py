"""Site-wide records that belong to no single domain: the dev mailbox, periodic-job slots, the audit
log and the publication's identity."""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.images import get_image_model_string


class DevMail(models.Model):
    """A message "sent" while no real mail transport is configured (the embedded default).

    Shown to staff at /dev/mailbox/ so sign-in codes, receipts and newsletters can be read in the
    demo without an SMTP server. Never used when EMAIL_URL is set.
    """

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    from_email = models.CharField(max_length=320)
    to = models.TextField(help_text=_("Recipients, one per line"))
    subject = models.CharField(max_length=998)
    text_body = models.TextField(blank=True)
    html_body = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("dev mailbox message")

    def __str__(self):
        return self.subject

    @property
    def recipients(self):
        return [line for line in self.to.splitlines() if line]


class PeriodicSlot(models.Model):
    """One run of a periodic job for one time slot.

    Every worker's scheduler tries to insert (job, slot); the unique constraint lets exactly one
    of them win, so a periodic job runs once per slot however many workers are running.
    """

    job = models.CharField(max_length=200)
    slot = models.BigIntegerField(help_text=_("Seconds since the epoch divided by the job's interval"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="periodic_slot_once")]

    def __str__(self):
        return f"{self.job}@{self.slot}"


class AuditEntry(models.Model):
    """One recorded change of state on money, access or messages.

    `code` is namespaced by app (`access.grant.created`, `billing.subscription.canceled`); `actor`
    is who did it (empty for the system), `member` whom it concerns. Entries outlive the objects
    they describe: foreign keys are nulled, never cascaded.
    """

    created_at = models.DateTimeField(db_index=True)
    code = models.CharField(max_length=100, db_index=True)
    actor = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_actions"
    )
    member = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_entries"
    )
    target_type = models.CharField(max_length=100, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    data = models.JSONField(default=dict, blank=True)
    # The request that caused the change, if any (core.requestlog): the reader's address as
    # core.clientip resolves it behind proxies, and the id found in the logs.
    client_ip = models.GenericIPAddressField(null=True, blank=True)
    request_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["member", "-created_at"], name="audit_member_recent")]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self):
        return f"{self.code} {self.target_type}:{self.target_id}"


def default_publication_name():
    return settings.WAGTAIL_SITE_NAME


def default_sender_email():
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


@register_setting(icon="site", order=0)
class PublicationSettings(BaseGenericSetting):
    """Who the publication is, in one place: every page, email, feed and JSON-LD `publisher` reads
    it through `core.identity.publication()`. Edited under Settings → Publication in the admin."""

    name = models.CharField(
        _("publication name"),
        max_length=100,
        default=default_publication_name,
        help_text=_("Shown in the site header, page titles, feeds, structured data and every email."),
    )
    sender_name = models.CharField(
        _("email sender name"),
        max_length=100,
        blank=True,
        help_text=_("The name readers see on emails from the site. Empty: the publication name."),
    )
    sender_email = models.EmailField(
        _("email sender address"),
        default=default_sender_email,
        help_text=_("Must be an address your mail provider lets you send from."),
    )
    reply_to = models.EmailField(
        _("reply-to address"),
        blank=True,
        help_text=_("Where replies to the site's emails go. Empty: the sender."),
    )
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("Printed in newsletter footers (anti-spam laws such as CAN-SPAM require one)."),
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Used in the site header, emails and as the publisher logo for search engines."),
    )
    favicon = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("favicon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square image; browsers' tab icon and phones' home-screen icon are made from it."),
    )

    class Meta:
        verbose_name = _("publication")

    def __str__(self):
        return self.name

    @property
    def from_email(self):
        """The From header of the site's emails: "Sender Name <address>"."""
        return formataddr((self.sender_name or self.name, self.sender_email))

    @property
    def reply_to_list(self):
        return [self.reply_to] if self.reply_to else []
