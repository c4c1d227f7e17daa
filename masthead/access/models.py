"""Entitlements and the records the paywall keeps: grants, metered reads, gift links.

Nothing here decides access; `policy.decide` does, from data `readers.load_reader` loads.
"""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .policy import grant_covers


class Level(models.TextChoices):
    MEMBERS = "members", _("Members")
    PREMIUM = "premium", _("Premium")


class Source(models.TextChoices):
    SUBSCRIPTION = "subscription", _("Subscription")
    TRIAL = "trial", _("Free trial")
    COMPLIMENTARY = "complimentary", _("Complimentary")
    GROUP_SEAT = "group_seat", _("Group seat")
    GIFT_MEMBERSHIP = "gift_membership", _("Gift membership")
    STAFF = "staff", _("Staff")


class GrantQuerySet(models.QuerySet):
    def current(self, now):
        """The grants covering `now`: policy.grant_covers, in SQL."""
        return self.filter(starts_at__lte=now).filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))


class Grant(models.Model):
    """A member's right to read at `level` from `starts_at` until `ends_at` (open-ended if empty).

    Billing, groups, gifts and staff create and end grants through access.services; ending a
    grant sets `ends_at`, it is never deleted, so "who could read what, when" stays answerable.
    """

    user = models.ForeignKey(
        "auth.User", verbose_name=_("member"), null=True, on_delete=models.SET_NULL, related_name="grants"
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    source_ref = models.CharField(
        _("source reference"), max_length=100, blank=True, help_text=_("e.g. the subscription's id")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="grants_given"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = GrantQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["user", "ends_at"], name="grant_user_ends")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="grant_ends_after_start",
            )
        ]
        verbose_name = _("grant")

    def __str__(self):
        return f"{self.get_level_display()} ({self.get_source_display()})"

    def covers(self, now):
        return grant_covers(self.starts_at, self.ends_at, now)


class MeterRead(models.Model):
    """A premium article a signed-in free member read on the meter in a calendar month."""

    user = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="meter_reads")
    article = models.ForeignKey("content.ArticlePage", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(help_text=_("The first day of the month, in the newsroom's time zone"))
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "month", "article"], name="meter_read_once_a_month")
        ]
        verbose_name = _("metered read")

    def __str__(self):
        return f"{self.user_id} read {self.article_id} in {self.month:%Y-%m}"


def new_gift_token():
    return secrets.token_urlsafe(18)


class GiftLink(models.Model):
    """A link that lets anyone read one premium article, within limits, until it lapses."""

    token = models.CharField(max_length=40, unique=True, default=new_gift_token, editable=False)
    article = models.ForeignKey(
        "content.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="gift_links"
    )
    created_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="gift_links",
    )
    created_at = models.DateTimeField(_("created"))
    expires_at = models.DateTimeField(_("expires"))
    max_reads = models.PositiveIntegerField(_("readers allowed"))
    read_count = models.PositiveIntegerField(_("readers so far"), default=0)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_by", "created_at"], name="gift_link_creator_month")]
        verbose_name = _("gift link")

    def __str__(self):
        return f"Gift link to {self.article_id} ({self.token[:6]}…)"


class GiftRead(models.Model):
    """One reader (browser session) that opened a gift link; a reader counts once."""

    link = models.ForeignKey(GiftLink, on_delete=models.CASCADE, related_name="reads")
    reader_key = models.CharField(max_length=64, help_text=_("A hash of the reader's session"))
    user = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "reader_key"], name="gift_read_once_per_reader")
        ]

    def __str__(self):
        return f"{self.reader_key} opened {self.link_id}"


@register_setting(icon="lock")
class PaywallSettings(BaseSiteSetting):
    """The paywall's knobs, under Settings in the Wagtail admin."""

    monthly_free_articles = models.PositiveSmallIntegerField(
        _("free premium articles a month for signed-in members"),
        default=3,
        validators=[MaxValueValidator(100)],
        help_text=_("The meter. 0 turns metered reading off."),
    )
    gift_links_per_month = models.PositiveSmallIntegerField(
        _("gift links a paying member may create each month"), default=10, validators=[MaxValueValidator(500)]
    )
    gift_link_days = models.PositiveSmallIntegerField(
        _("days a gift link stays valid"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    gift_link_reads = models.PositiveIntegerField(
        _("readers a gift link admits"),
        default=25,
        validators=[MinValueValidator(1), MaxValueValidator(100000)],
    )
    benefits = models.TextField(
        _("what membership includes"),
        default=(
            "Full access to premium articles and our complete archive\n"
            "Members-only newsletters with weekly analysis\n"
            "Preferential access and discounts to our events\n"
            "A direct line to the newsroom\n"
            "Our members' online community"
        ),
        help_text=_("One benefit per line; shown on the paywall and the membership page."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("monthly_free_articles")], heading=_("Metered reading")),
        MultiFieldPanel(
            [FieldPanel("gift_links_per_month"), FieldPanel("gift_link_days"), FieldPanel("gift_link_reads")],
            heading=_("Gift links"),
        ),
        FieldPanel("benefits"),
    ]

    class Meta:
        verbose_name = _("paywall settings")

    @property
    def benefit_list(self):
        return [line.strip() for line in self.benefits.splitlines() if line.strip()]
