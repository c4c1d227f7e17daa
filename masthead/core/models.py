"""Site-wide records that belong to no single domain: the dev mailbox and periodic-job slots."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["member", "-created_at"], name="audit_member_recent")]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self):
        return f"{self.code} {self.target_type}:{self.target_id}"
