"""API keys and outgoing webhooks: who may call the API, where events are sent, what happened.

Keys are stored as SHA-256 hashes only; the key itself is shown once, when it is made.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiKey(models.Model):
    """A key for the Content API (anonymous, read-only) or the admin API (scoped)."""

    class Kind(models.TextChoices):
        CONTENT = "content", _("Content API (public, read-only)")
        ADMIN = "admin", _("Admin API (scoped)")

    name = models.CharField(_("name"), max_length=80, unique=True, help_text=_("Who or what uses this key."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # What the admin shows so people can tell keys apart; never enough to use the key.
    prefix = models.CharField(_("starts with"), max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(_("scopes"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API key")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_active(self):
        return self.revoked_at is None


class WebhookTarget(models.Model):
    """A URL that receives the chosen events, each delivery signed with this target's secret."""

    name = models.CharField(_("name"), max_length=80)
    url = models.URLField(_("target URL"), max_length=500)
    events = models.JSONField(_("events"), default=list)
    secret = models.CharField(_("signing secret"), max_length=80, editable=False)
    active = models.BooleanField(_("active"), default=True)
    disabled_reason = models.CharField(_("why it is off"), max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("webhook")
        ordering = ["name"]

    def __str__(self):
        return self.name


class WebhookDelivery(models.Model):
    """One event sent (or to be sent) to one target: the delivery log.

    pending → sending → succeeded | retrying → sending … → failed (attempts used up, or the
    target was disabled). A delivery in `sending` longer than the lease was lost with its worker
    and is taken up again by the retry sweep.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SUCCEEDED = "succeeded", _("Succeeded")
        RETRYING = "retrying", _("Will retry")
        FAILED = "failed", _("Failed")

    target = models.ForeignKey(
        WebhookTarget, verbose_name=_("webhook"), on_delete=models.CASCADE, related_name="deliveries"
    )
    # The event's id, the same for every target it goes to: receivers use it to drop duplicates.
    event_id = models.UUIDField(_("event id"), default=uuid.uuid4, editable=False)
    event = models.CharField(_("event"), max_length=60)
    payload = models.JSONField(_("payload"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    response_code = models.PositiveSmallIntegerField(_("response code"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["target", "event_id"], name="one_delivery_per_event_and_target")
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="webhook_due")]

    def __str__(self):
        return f"{self.event} → {self.target}"
