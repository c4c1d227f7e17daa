"""Plans, prices, subscriptions and what providers tell us about them.

Money is an integer number of minor units (cents, fen) with an explicit ISO currency, never a
float. Provider objects never leave billing/providers/: what is stored here is our own record,
with the provider's id kept as an opaque reference.
"""

import secrets
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .method_config import parse_methods
from .money import CURRENCIES, format_money


class Interval(models.TextChoices):
    MONTH = "month", _("Monthly")
    YEAR = "year", _("Yearly")


class Provider(models.TextChoices):
    TEST = "test", _("Test mode")
    STRIPE = "stripe", _("Stripe")
    NONE = "none", _("No provider (given by staff)")


class Plan(ClusterableModel):
    """A membership staff sell: Individual, Team… Readers see its benefits on the pricing page."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(_("description"), blank=True)
    benefits = models.TextField(_("benefits"), blank=True, help_text=_("One per line, shown to readers."))
    trial_days = models.PositiveSmallIntegerField(
        _("free trial (days)"), default=14, validators=[MaxValueValidator(365)]
    )
    is_group = models.BooleanField(
        _("group plan"), default=False, help_text=_("Bought per seat by one payer for a team (see Groups).")
    )
    min_seats = models.PositiveSmallIntegerField(_("minimum seats"), default=1)
    max_seats = models.PositiveSmallIntegerField(_("maximum seats"), default=1)
    active = models.BooleanField(
        _("on sale"), default=True, help_text=_("Archived plans keep their members.")
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("benefits"),
        FieldPanel("trial_days"),
        MultiFieldPanel(
            [FieldPanel("is_group"), FieldPanel("min_seats"), FieldPanel("max_seats")], heading=_("Groups")
        ),
        FieldPanel("active"),
        FieldPanel("sort_order"),
        InlinePanel("prices", label=_("Prices"), min_num=1),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("plan")

    def __str__(self):
        return self.name

    @property
    def benefit_list(self):
        return [line.strip() for line in self.benefits.splitlines() if line.strip()]


class Price(models.Model):
    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="prices")
    interval = models.CharField(_("billed"), max_length=5, choices=Interval.choices)
    currency = models.CharField(_("currency"), max_length=3, choices=[(c, c) for c in CURRENCIES])
    amount = models.PositiveIntegerField(
        _("amount in minor units"), help_text=_("Cents or fen: 900 is 9.00. Per seat for group plans.")
    )
    active = models.BooleanField(_("on sale"), default=True)
    stripe_price_id = models.CharField(_("Stripe price id"), max_length=100, blank=True)

    panels = [
        FieldPanel("interval"),
        FieldPanel("currency"),
        FieldPanel("amount"),
        FieldPanel("active"),
        FieldPanel("stripe_price_id"),
    ]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "interval", "currency"],
                condition=Q(active=True),
                name="one_active_price_per_interval",
            )
        ]
        verbose_name = _("price")

    def __str__(self):
        return f"{self.plan.name}: {format_money(self.amount, self.currency)}/{self.interval}"

    @property
    def display(self):
        return format_money(self.amount, self.currency)


class Status(models.TextChoices):
    TRIALING = "trialing", _("Free trial")
    ACTIVE = "active", _("Active")
    PAST_DUE = "past_due", _("Payment overdue")
    CANCELED = "canceled", _("Canceled (ends at period end)")
    EXPIRED = "expired", _("Expired")
    PAUSED = "paused", _("Paused")
    COMPLIMENTARY = "complimentary", _("Complimentary")


# States in which a member has a live subscription (and may not start another).
LIVE_STATUSES = [
    Status.TRIALING,
    Status.ACTIVE,
    Status.PAST_DUE,
    Status.CANCELED,
    Status.PAUSED,
    Status.COMPLIMENTARY,
]


class Subscription(models.Model):
    """A member's membership on a plan, as a state machine (billing.lifecycle)."""

    user = models.ForeignKey(
        "auth.User",
        verbose_name=_("member"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="subscriptions",
    )
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="subscriptions"
    )
    price = models.ForeignKey(
        Price, verbose_name=_("price"), on_delete=models.PROTECT, related_name="subscriptions"
    )
    quantity = models.PositiveSmallIntegerField(_("seats"), default=1)
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, db_index=True)
    provider = models.CharField(_("provider"), max_length=10, choices=Provider.choices)
    provider_ref = models.CharField(_("provider reference"), max_length=100, blank=True, db_index=True)
    provider_customer_ref = models.CharField(max_length=100, blank=True)
    # The provider's clock for the last snapshot applied: older snapshots arriving late are ignored.
    provider_version = models.BigIntegerField(default=0)
    started_at = models.DateTimeField(_("started"))
    trial_end = models.DateTimeField(_("trial ends"), null=True, blank=True)
    current_period_start = models.DateTimeField(null=True, blank=True)
    current_period_end = models.DateTimeField(_("paid until"), null=True, blank=True)
    cancel_at_period_end = models.BooleanField(default=False)
    canceled_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    past_due_since = models.DateTimeField(null=True, blank=True)
    next_payment_attempt = models.DateTimeField(null=True, blank=True)
    payment_attempts = models.PositiveSmallIntegerField(default=0)
    paused_at = models.DateTimeField(null=True, blank=True)
    trial_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    offer = models.ForeignKey(
        "billing.Offer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    discount_periods_left = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Empty: the offer applies forever (or there is none).")
    )
    # Test mode only: how the simulated card behaves on renewal ("ok" or "decline").
    test_card_behaviour = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            # A double click or a retried request cannot give a member two live subscriptions.
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status__in=LIVE_STATUSES),
                name="one_live_subscription_per_member",
            ),
            models.UniqueConstraint(
                fields=["provider", "provider_ref"],
                condition=~Q(provider_ref=""),
                name="subscription_provider_ref_once",
            ),
        ]
        verbose_name = _("subscription")

    def __str__(self):
        return f"{self.plan} ({self.get_status_display()})"

    @property
    def is_live(self):
        return self.status in LIVE_STATUSES

    def member_email(self):
        return self.user.email if self.user else "—"

    member_email.short_description = _("member")


class Payment(models.Model):
    """Money that moved (or failed to): one row per provider invoice or charge, recorded once."""

    class State(models.TextChoices):
        PAID = "paid", _("Paid")
        FAILED = "failed", _("Failed")
        REFUNDED = "refunded", _("Refunded")

    subscription = models.ForeignKey(
        Subscription, null=True, blank=True, on_delete=models.PROTECT, related_name="payments"
    )
    user = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="payments"
    )
    description = models.CharField(max_length=200)
    amount = models.PositiveIntegerField()
    currency = models.CharField(max_length=3)
    state = models.CharField(max_length=10, choices=State.choices)
    provider = models.CharField(max_length=10, choices=Provider.choices)
    provider_ref = models.CharField(max_length=100)
    # The provider's subscription id, so a payment recorded before its subscription links up later.
    provider_subscription_ref = models.CharField(max_length=100, blank=True, db_index=True)
    period_start = models.DateTimeField(null=True, blank=True)
    period_end = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    receipt_number = models.CharField(max_length=20, unique=True, null=True, blank=True)
    # Kept for accounting when the member deletes their account.
    billing_email = models.EmailField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_ref", "state"], name="payment_recorded_once"
            )
        ]

    def __str__(self):
        return f"{self.description} {format_money(self.amount, self.currency)} ({self.state})"

    @property
    def display(self):
        return format_money(self.amount, self.currency)


class ProviderEvent(models.Model):
    """Every provider event we accepted, stored once by its id: the guard against replays."""

    provider = models.CharField(max_length=10, choices=Provider.choices)
    event_id = models.CharField(max_length=100)
    type = models.CharField(max_length=100)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    # Parked: the provider ref of what this event needs and we have not recorded yet (a refund
    # whose payment has not arrived). Applied when it arrives (events.record_payment).
    waiting_for = models.CharField(max_length=100, blank=True, db_index=True)

    class Meta:
        ordering = ["-received_at"]
        constraints = [models.UniqueConstraint(fields=["provider", "event_id"], name="provider_event_once")]

    def __str__(self):
        return f"{self.provider}:{self.type}:{self.event_id}"


class CheckoutSession(models.Model):
    """A reader on their way through a provider's checkout. Nothing is granted until it completes."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        COMPLETE = "complete", _("Complete")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")

    class Kind(models.TextChoices):
        SUBSCRIPTION = "subscription", _("Membership")
        GIFT = "gift", _("Gift membership")
        # A one-time payment for another app (event tickets…); see billing.payments.
        PAYMENT = "payment", _("One-time payment")
        # A membership period paid once (one month or one year), no renewal: how members pay with
        # Alipay or WeChat Pay, which Stripe Checkout cannot charge again (billing.prepaid).
        PREPAID = "prepaid", _("Prepaid membership")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="checkouts"
    )
    email = models.EmailField()
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.SUBSCRIPTION)
    price = models.ForeignKey(Price, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # One-time payments: what is being paid for, in whose terms (`purpose` names the handler
    # registered with billing.payments; `purpose_ref` is that app's own id).
    currency = models.CharField(max_length=3, blank=True)
    description = models.CharField(max_length=200, blank=True)
    purpose = models.CharField(max_length=50, blank=True, db_index=True)
    purpose_ref = models.CharField(max_length=100, blank=True)
    quantity = models.PositiveSmallIntegerField(default=1)
    offer = models.ForeignKey(
        "billing.Offer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    trial_days = models.PositiveSmallIntegerField(default=0)
    amount_due = models.PositiveIntegerField(help_text=_("First charge after the trial, minor units"))
    provider = models.CharField(max_length=10, choices=Provider.choices)
    provider_ref = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    next_url = models.CharField(max_length=500, blank=True)
    gift_months = models.PositiveSmallIntegerField(null=True, blank=True)
    gift_recipient = models.EmailField(blank=True)
    gift_message = models.CharField(max_length=500, blank=True)
    # How the reader paid or tried to pay (card, alipay, wechat_pay), when the provider says.
    payment_method = models.CharField(max_length=20, blank=True)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"checkout {self.id} ({self.state})"

    @property
    def charge_currency(self):
        return self.currency or (self.price.currency if self.price_id else "")


class Offer(models.Model):
    """A discount or a longer trial, by code or by link, limited in uses and time."""

    class Kind(models.TextChoices):
        PERCENT = "percent", _("Percentage off")
        FIXED = "fixed", _("Fixed amount off")
        TRIAL = "trial", _("Extended free trial")

    class Duration(models.TextChoices):
        ONCE = "once", _("The first payment")
        REPEATING = "repeating", _("A number of months")
        FOREVER = "forever", _("Every payment")

    name = models.CharField(_("name"), max_length=100)
    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Readers type it at checkout, or follow /offer/<code>/."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    percent_off = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    amount_off = models.PositiveIntegerField(_("amount off (minor units)"), null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True, choices=[(c, c) for c in CURRENCIES])
    duration = models.CharField(
        _("applies to"), max_length=10, choices=Duration.choices, default=Duration.ONCE
    )
    duration_months = models.PositiveSmallIntegerField(null=True, blank=True)
    trial_days = models.PositiveSmallIntegerField(_("trial days"), null=True, blank=True)
    plans = models.ManyToManyField(Plan, blank=True, help_text=_("Empty: every plan."))
    max_redemptions = models.PositiveIntegerField(_("uses allowed"), null=True, blank=True)
    redemptions = models.PositiveIntegerField(_("used"), default=0)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    active = models.BooleanField(default=True)
    stripe_coupon_id = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("offer")

    def __str__(self):
        return f"{self.name} ({self.code})"


class OfferRedemption(models.Model):
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="uses")
    user = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")
    checkout = models.OneToOneField(CheckoutSession, on_delete=models.CASCADE, related_name="redemption")
    created_at = models.DateTimeField()

    def __str__(self):
        return f"{self.offer_id} used by checkout {self.checkout_id}"


def new_claim_token():
    return secrets.token_urlsafe(24)


class GiftMembership(models.Model):
    """Months of membership bought for someone else; claimed with a link; never renews."""

    class State(models.TextChoices):
        PAID = "paid", _("Paid, not yet claimed")
        CLAIMED = "claimed", _("Claimed")
        REFUNDED = "refunded", _("Refunded")

    purchaser = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="gifts_bought"
    )
    purchaser_email = models.EmailField()
    recipient_email = models.EmailField()
    message = models.CharField(max_length=500, blank=True)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="+")
    months = models.PositiveSmallIntegerField()
    payment = models.OneToOneField(Payment, null=True, on_delete=models.PROTECT, related_name="gift")
    checkout = models.OneToOneField(CheckoutSession, on_delete=models.PROTECT, related_name="gift")
    token = models.CharField(max_length=40, unique=True, default=new_claim_token)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PAID)
    claimed_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="gifts_claimed"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.months} months for {self.recipient_email}"


class Group(models.Model):
    """A team membership: one payer's subscription with N seats, shared by invitation or domain."""

    name = models.CharField(_("name"), max_length=100)
    owner = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="owned_groups")
    subscription = models.OneToOneField(Subscription, on_delete=models.PROTECT, related_name="group")
    allowed_domain = models.CharField(
        _("email domain that may join"),
        max_length=100,
        blank=True,
        help_text=_("e.g. example.com; empty: invitations only"),
    )
    join_token = models.CharField(max_length=40, unique=True, default=new_claim_token)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def seats(self):
        return self.subscription.quantity


class GroupSeat(models.Model):
    class State(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACTIVE = "active", _("Member")
        REMOVED = "removed", _("Removed")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="seats_taken")
    email = models.EmailField()
    user = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="group_seats"
    )
    state = models.CharField(max_length=10, choices=State.choices)
    token = models.CharField(max_length=40, unique=True, default=new_claim_token)
    created_at = models.DateTimeField()
    joined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["group", "email"], condition=~Q(state="removed"), name="one_seat_per_email_per_group"
            )
        ]

    def __str__(self):
        return f"{self.email} in {self.group}"


@register_setting(icon="cog")
class BillingSettings(BaseSiteSetting):
    grace_days = models.PositiveSmallIntegerField(
        _("grace period after a failed payment (days)"), default=7, validators=[MaxValueValidator(60)]
    )
    trial_reminder_days = models.PositiveSmallIntegerField(
        _("remind trial members this many days before the trial ends"),
        default=3,
        validators=[MaxValueValidator(30)],
    )
    retry_days = models.CharField(
        _("retry failed payments after (days)"),
        max_length=50,
        default="1,3,5",
        help_text=_("Comma-separated; test mode follows these, Stripe its own Smart Retries."),
    )
    gift_reminder_days = models.PositiveSmallIntegerField(
        _("remind gift members before their gift ends (days)"), default=7
    )
    gift_continue_offer = models.ForeignKey(
        Offer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Offered in the reminder to gift members whose gift is ending."),
    )

    payment_methods = models.TextField(
        _("payment methods per currency"),
        blank=True,
        default="CNY: card, alipay, wechat_pay",
        help_text=_(
            "One line per currency, e.g. “CNY: card, alipay, wechat_pay”. Alipay and WeChat Pay are "
            "offered for memberships paid once (one month or one year, no renewal), gifts and "
            "tickets; renewing memberships are paid by card. A currency not listed: card only."
        ),
    )

    panels = [
        FieldPanel("grace_days"),
        FieldPanel("trial_reminder_days"),
        FieldPanel("retry_days"),
        FieldPanel("gift_reminder_days"),
        FieldPanel("gift_continue_offer"),
        FieldPanel("payment_methods"),
    ]

    def clean(self):
        super().clean()
        try:
            parse_methods(self.payment_methods, strict=True)
        except ValueError as error:
            raise ValidationError({"payment_methods": str(error)}) from error

    class Meta:
        verbose_name = _("billing settings")

    @property
    def retry_schedule(self):
        days = []
        for part in self.retry_days.split(","):
            part = part.strip()
            if part.isdigit():
                days.append(int(part))
        return days or [1, 3, 5]


class RevenueChange(models.Model):
    """A subscription's monthly recurring revenue (MRR) became `mrr` at `at` (see billing.revenue).

    Written only when the value moves, so the rows of one subscription are its MRR history:
    new (0 → x), expansion (up), contraction (down), churn (x → 0), reactivation (0 → x again).
    Revenue reports add these up; they are never edited.
    """

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="revenue_changes")
    at = models.DateTimeField(db_index=True)
    currency = models.CharField(max_length=3)
    mrr = models.IntegerField(help_text=_("Minor units per month after the change"))
    previous_mrr = models.IntegerField()
    status = models.CharField(max_length=15, choices=Status.choices)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("revenue change")

    def __str__(self):
        return (
            f"{self.subscription_id}: {self.previous_mrr} → {self.mrr} {self.currency} at {self.at:%Y-%m-%d}"
        )


class PrepaidQuerySet(models.QuerySet):
    def holding(self):
        """Periods that give (or gave) access: not an upcoming period refunded in full before it
        started (that one is left with no length, ends_at == starts_at)."""
        return self.filter(ends_at__gt=models.F("starts_at"))


class PrepaidMembership(models.Model):
    """A membership period paid once (billing.prepaid): access from `starts_at` to `ends_at`, a
    reminder before it ends, no renewal. Created when the provider confirms the payment."""

    user = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="+")
    price = models.ForeignKey(Price, on_delete=models.PROTECT, related_name="+")
    checkout = models.OneToOneField(CheckoutSession, on_delete=models.PROTECT, related_name="prepaid")
    payment = models.ForeignKey(Payment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(db_index=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    # What the provider has refunded of the payment so far (cumulative, minor units) and when we
    # last heard of it: a refund shortens the period pro rata (settlement.prepaid_refunded).
    refunded_amount = models.PositiveIntegerField(default=0)
    refunded_at = models.DateTimeField(null=True, blank=True)

    objects = PrepaidQuerySet.as_manager()

    class Meta:
        ordering = ["-ends_at"]
        verbose_name = _("prepaid membership")

    def __str__(self):
        return f"{self.plan.name} {self.starts_at:%Y-%m-%d} – {self.ends_at:%Y-%m-%d}"
