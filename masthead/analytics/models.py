"""Summary tables the dashboard reads, the raw page-view buffer, and the reporting currency.

The dashboard never reads the other apps' tables: periodic jobs (tasks.roll_up) add up their
facts into `DailyMetric` rows, which a dashboard request sums over a date range.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from masthead.billing.money import CURRENCIES


class DailyMetric(models.Model):
    """One figure for one day (or one month, for metrics named `….m` and cohorts).

    `metric` names the figure (`pageviews`, `revenue.new`, …; see rollups), `key` the thing it is
    about (a page id, a currency, a call to action; empty for site-wide figures). A rollup
    replaces all rows of the metrics it computes for a day, so re-running it is harmless.
    """

    day = models.DateField()
    metric = models.CharField(max_length=40)
    key = models.CharField(max_length=200, blank=True)
    value = models.BigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["metric", "day", "key"], name="daily_metric_once")]
        # The constraint's index serves "every key of a metric over some days"; this one serves
        # "these keys over some days" (readers of the top pages: a few rows each, not every
        # page's rows of the period — 5.6 s → milliseconds at 70,000 pages a day).
        indexes = [models.Index(fields=["metric", "key", "day"], name="daily_metric_by_key")]
        # Staff who may open the dashboard; revenue (money) needs the second permission too.
        permissions = [
            ("view_dashboard", _("Can see the analytics dashboard")),
            ("view_revenue", _("Can see revenue figures in analytics")),
        ]
        verbose_name = _("daily figure")

    def __str__(self):
        return f"{self.day} {self.metric}[{self.key}] = {self.value}"


class PageHit(models.Model):
    """A counted page view (or paywall impression, or empty search) waiting to be rolled up.

    Only used without Redis (the embedded set-up); with Redis the beacon counts into Redis hashes
    and HyperLogLogs instead. Rows are deleted once their day is rolled up and over.
    """

    day = models.DateField()
    kind = models.CharField(max_length=10)
    key = models.CharField(max_length=200)
    # The day's salted visitor hash (counting.visitor_hash); never the IP or the user agent.
    visitor = models.CharField(max_length=16)

    class Meta:
        indexes = [models.Index(fields=["day", "kind"], name="page_hit_day_kind")]

    def __str__(self):
        return f"{self.day} {self.kind} {self.key}"


@register_setting(icon="cog")
class ReportingSettings(BaseGenericSetting):
    """The currency revenue is added up in; rates from the other currencies are ExchangeRates."""

    reporting_currency = models.CharField(
        _("reporting currency"), max_length=3, choices=[(c, c) for c in CURRENCIES], default="USD"
    )

    panels = [FieldPanel("reporting_currency")]

    class Meta:
        verbose_name = _("analytics reporting")


class ExchangeRate(models.Model):
    """What one unit of `currency` is worth in the reporting currency, as the newsroom sets it.

    No live rate service: reports convert with these rates (the latest one set), and say so.
    """

    currency = models.CharField(
        _("currency"), max_length=3, choices=[(c, c) for c in CURRENCIES], unique=True
    )
    rate = models.DecimalField(
        _("rate"),
        max_digits=18,
        decimal_places=8,
        validators=[MinValueValidator(Decimal("0.00000001"))],
        help_text=_(
            "Units of the reporting currency for one unit of this currency, e.g. 0.14 for CNY in USD."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("currency"), FieldPanel("rate")]

    class Meta:
        ordering = ["currency"]
        verbose_name = _("exchange rate")

    def __str__(self):
        return f"1 {self.currency} = {self.rate}"
