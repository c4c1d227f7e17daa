"""Imports and what they brought: one ImportRun per file imported (or dry-run), one
ImportedObject per source object ever imported (its memory: source id → our object), and the
run's messages (every warning and error, with the source id it is about)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    CONTENT = "content", _("Articles and pages")
    MEMBERS = "members", _("Members")


class ImportRun(models.Model):
    """One import of one export file: what was asked, how far it got, and its report."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for a worker")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    source = models.CharField(_("source"), max_length=20)
    file_path = models.CharField(_("file"), max_length=500)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    options = models.JSONField(default=dict, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    # Progress: `position` source objects are done (committed); resuming starts there.
    total = models.PositiveIntegerField(default=0)
    position = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")

    def __str__(self):
        return f"{self.source} {self.kind} ({self.get_status_display()})"

    @property
    def percent(self):
        return (
            100
            if not self.total and self.status == self.Status.FINISHED
            else int(100 * self.position / max(self.total, 1))
        )


class ImportedObject(models.Model):
    """A source object we imported, found again by (namespace, kind, source id) on the next run.

    `namespace` is the source and its site ("wordpress:blog.example.com"), so two WordPress
    sites' post 1 are two objects. `checksum` is of the source data: the same data again is
    skipped, changed data updates the object.
    """

    namespace = models.CharField(max_length=200)
    kind = models.CharField(max_length=20)
    source_id = models.CharField(max_length=200)
    target_type = models.CharField(max_length=100, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    checksum = models.CharField(max_length=64)
    data = models.JSONField(default=dict, blank=True)
    run = models.ForeignKey(ImportRun, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["namespace", "kind", "source_id"], name="imported_object_once")
        ]
        verbose_name = _("imported object")

    def __str__(self):
        return f"{self.namespace} {self.kind} {self.source_id}"


class ImportMessage(models.Model):
    class Level(models.TextChoices):
        INFO = "info", _("Note")
        WARNING = "warning", _("Warning")
        ERROR = "error", _("Not imported")

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="messages")
    level = models.CharField(max_length=10, choices=Level.choices)
    kind = models.CharField(max_length=20, blank=True)
    source_id = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("import message")

    def __str__(self):
        return f"{self.level} {self.kind} {self.source_id}: {self.text[:60]}"
