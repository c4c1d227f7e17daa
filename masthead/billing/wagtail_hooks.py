"""Memberships in the Wagtail admin: plans and prices, offers, subscriptions (with staff actions),
payments, gifts, prepaid memberships, teams, and whether the payment provider is configured and
talking to us."""

import django_filters
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from masthead.core.errors import refusal_to_message

from . import services
from .errors import BillingError
from .methods import METHODS, method_label
from .models import (
    GiftMembership,
    Group,
    Offer,
    Payment,
    Plan,
    PrepaidMembership,
    ProviderEvent,
    Subscription,
)
from .money import CURRENCIES, decimal_string, format_money
from .providers import provider_name
from .selectors import PREPAID_STATES, prepaid_listing
from .services import refund_payment


class PlanViewSet(ModelViewSet):
    model = Plan
    icon = "tag"
    menu_label = _("Plans and prices")
    list_display = ["name", "slug", "trial_days", "is_group", "active"]
    list_filter = ["active", "is_group"]
    copy_view_enabled = False


class OfferViewSet(ModelViewSet):
    model = Offer
    icon = "pick"
    menu_label = _("Offers")
    list_display = [
        "name",
        "code",
        "kind",
        "duration",
        "redemptions",
        "max_redemptions",
        "expires_at",
        "active",
    ]
    list_filter = ["kind", "active"]
    search_fields = ["name", "code"]
    search_backend_name = None
    form_fields = [
        "name",
        "code",
        "kind",
        "percent_off",
        "amount_off",
        "currency",
        "duration",
        "duration_months",
        "trial_days",
        "plans",
        "max_redemptions",
        "expires_at",
        "active",
    ]


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "user"
    menu_label = _("Subscriptions")
    list_display = ["member_email", "plan", "status", "provider", "current_period_end", "started_at"]
    # Finance's exports (CSV and XLSX from the listing, with its filters).
    list_export = [*list_display, "provider_ref"]
    list_filter = ["status", "provider", "plan"]
    search_fields = ["user__email", "provider_ref"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_template_name = "billing/admin/subscription_inspect.html"
    form_fields = ["quantity"]
    add_view_enabled = False
    copy_view_enabled = False

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("<int:pk>/action/", self.staff_action, name="staff_action")]

    def staff_action(self, request, pk):
        if not request.user.has_perm("billing.change_subscription"):
            raise PermissionDenied
        sub = get_object_or_404(Subscription, pk=pk)
        action = request.POST.get("action")
        reason = request.POST.get("reason", "")[:300]
        operations = {
            "pause": lambda: services.subscription_pause(subscription=sub, actor=request.user, reason=reason),
            "unpause": lambda: services.subscription_unpause(subscription=sub, actor=request.user),
            "cancel": lambda: services.subscription_cancel(
                subscription=sub, actor=request.user, reason=reason
            ),
            "end": lambda: services.subscription_end(
                subscription=sub, actor=request.user, reason=reason or "ended by staff"
            ),
        }
        if request.method == "POST" and action in operations:
            try:
                operations[action]()
                messages.success(request, _("Done."))
            except BillingError as refusal:
                refusal_to_message(request, refusal)
        return redirect(reverse(f"{self.name}:inspect", args=[pk]))


class PaymentViewSet(ModelViewSet):
    model = Payment
    icon = "doc-full"
    menu_label = _("Payments")
    list_display = [
        "created_at",
        "billing_email",
        "description",
        "amount",
        "currency",
        "state",
        "receipt_number",
    ]
    list_export = [*list_display, "provider", "provider_ref"]
    list_filter = ["state", "provider", "currency"]
    search_fields = ["billing_email", "receipt_number", "provider_ref"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_template_name = "billing/admin/payment_inspect.html"
    form_fields = ["description"]
    add_view_enabled = False
    copy_view_enabled = False

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("<int:pk>/refund/", self.refund, name="refund")]

    def refund(self, request, pk):
        if not request.user.has_perm("billing.change_payment"):
            raise PermissionDenied
        payment = get_object_or_404(Payment, pk=pk, state="paid")
        if request.method == "POST":
            try:
                refund_payment(payment=payment, actor=request.user)
                messages.success(request, _("Refunded."))
            except BillingError as refusal:
                refusal_to_message(request, refusal)
        return redirect(reverse(f"{self.name}:inspect", args=[pk]))


class GiftViewSet(ModelViewSet):
    model = GiftMembership
    icon = "pick"
    menu_label = _("Gift memberships")
    list_display = ["created_at", "purchaser_email", "recipient_email", "months", "state", "ends_at"]
    list_filter = ["state", "months"]
    search_fields = ["purchaser_email", "recipient_email"]
    search_backend_name = None
    form_fields = ["recipient_email"]
    add_view_enabled = False
    copy_view_enabled = False


class PrepaidFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=PREPAID_STATES, method="filter_state", empty_label=_("All")
    )
    currency = django_filters.ChoiceFilter(
        label=_("Currency"),
        field_name="price__currency",
        choices=[(code, code) for code in CURRENCIES],
        empty_label=_("All"),
    )
    method = django_filters.ChoiceFilter(
        label=_("Payment method"),
        field_name="checkout__payment_method",
        choices=list(METHODS.items()),
        empty_label=_("All"),
    )

    class Meta:
        model = PrepaidMembership
        fields = []

    def filter_state(self, queryset, name, value):
        # The listing's queryset carries the state (selectors.prepaid_listing), computed in SQL.
        return queryset.filter(state=value)


class MemberColumn(TitleColumn):
    """The member's address, linking to their page for staff who may open it (the members
    admin), else to their payments (which Finance may see)."""

    def get_value(self, instance):
        return instance.member_email or _("(deleted member)")

    def get_link_url(self, instance, parent_context):
        if instance.user_id is None:
            return None
        request = parent_context.get("request")
        if request is not None and request.user.has_perm("auth.change_user"):
            return reverse("member_admin:member_history", args=[instance.user_id])
        return reverse("payments:index") + "?" + urlencode({"q": instance.member_email})


class AmountColumn(Column):
    def get_value(self, instance):
        # Babel, in the staff member's admin language (money.format_money).
        return format_money(instance.paid_amount, instance.currency)


class RefundedColumn(Column):
    def get_value(self, instance):
        return format_money(instance.refunded_amount, instance.currency) if instance.refunded_amount else ""


class MethodColumn(Column):
    def get_value(self, instance):
        return method_label(instance.method) if instance.method else ""


class StateColumn(Column):
    def get_value(self, instance):
        return dict(PREPAID_STATES).get(instance.state, instance.state)


class PrepaidIndexView(IndexView):
    export_filename = "prepaid-memberships"

    def get_base_queryset(self):
        return prepaid_listing(timezone.now())

    def to_row_dict(self, item):
        # Machine-readable amounts in the export ("68.00" with its currency), as the other
        # finance exports write them; the listing shows them formatted.
        return {
            "member_email": item.member_email or "",
            "plan": item.plan.name,
            "currency": item.currency,
            "paid_amount": decimal_string(item.paid_amount, item.currency),
            "refunded_amount": decimal_string(item.refunded_amount, item.currency),
            "method": item.method,
            "starts_at": item.starts_at,
            "ends_at": item.ends_at,
            "state": item.state,
        }


class PrepaidViewSet(ModelViewSet):
    """Prepaid memberships for Finance: who paid for which period, how, and where it stands."""

    model = PrepaidMembership
    icon = "date"
    menu_label = _("Prepaid memberships")
    index_view_class = PrepaidIndexView
    filterset_class = PrepaidFilterSet
    list_display = [
        MemberColumn("member", label=_("Member")),
        Column("plan", label=_("Plan")),
        AmountColumn("amount", label=_("Amount")),
        RefundedColumn("refunded", label=_("Refunded")),
        MethodColumn("method", label=_("Payment method")),
        Column("starts_at", label=_("Starts"), sort_key="starts_at"),
        Column("ends_at", label=_("Ends"), sort_key="ends_at"),
        StateColumn("state", label=_("State")),
    ]
    list_export = [
        "member_email",
        "plan",
        "currency",
        "paid_amount",
        "refunded_amount",
        "method",
        "starts_at",
        "ends_at",
        "state",
    ]
    export_headings = {
        "member_email": _("Member"),
        "plan": _("Plan"),
        "currency": _("Currency"),
        "paid_amount": _("Amount"),
        "refunded_amount": _("Refunded"),
        "method": _("Payment method"),
        "starts_at": _("Starts"),
        "ends_at": _("Ends"),
        "state": _("State"),
    }
    search_fields = ["user__email"]
    search_backend_name = None
    ordering = ["-starts_at"]
    form_fields = []
    add_view_enabled = False
    edit_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True


class GroupViewSet(ModelViewSet):
    model = Group
    icon = "group"
    menu_label = _("Teams")
    list_display = ["name", "owner", "allowed_domain", "created_at"]
    search_fields = ["name", "owner__email"]
    search_backend_name = None
    form_fields = ["name", "allowed_domain"]
    add_view_enabled = False
    copy_view_enabled = False


class ProviderEventViewSet(ModelViewSet):
    model = ProviderEvent
    icon = "history"
    menu_label = _("Provider events")
    list_display = ["received_at", "provider", "type", "event_id", "processed_at", "error"]
    list_filter = ["provider", "type"]
    search_fields = ["event_id"]
    search_backend_name = None
    inspect_view_enabled = True
    form_fields = []
    add_view_enabled = False
    edit_view_enabled = False
    copy_view_enabled = False


class MembershipsGroup(ViewSetGroup):
    menu_label = _("Memberships")
    menu_icon = "tag"
    menu_order = 240
    items = (
        SubscriptionViewSet("subscriptions"),
        PlanViewSet("plans"),
        OfferViewSet("offers"),
        PaymentViewSet("payments"),
        GiftViewSet("gift_memberships"),
        PrepaidViewSet("prepaid_memberships"),
        GroupViewSet("teams"),
        ProviderEventViewSet("provider_events"),
    )


@hooks.register("register_admin_viewset")
def register_memberships():
    return MembershipsGroup()


class ProviderStatusPanel(Component):
    """On the admin dashboard: which provider takes payments, and when it last spoke to us."""

    name = "billing_provider_status"
    order = 50

    def render_html(self, parent_context=None):
        last = ProviderEvent.objects.filter(provider=provider_name()).order_by("-received_at").first()
        failed = ProviderEvent.objects.filter(processed_at__isnull=True).exclude(error="").count()
        return render_to_string(
            "billing/admin/provider_status.html",
            {
                "provider": provider_name(),
                "stripe_configured": bool(settings.STRIPE_SECRET_KEY),
                "webhook_secret": bool(settings.STRIPE_WEBHOOK_SECRET),
                "last_event": last,
                "failed": failed,
                "events_url": reverse("provider_events:index"),
            },
        )


@hooks.register("construct_homepage_panels")
def add_provider_status(request, panels):
    if request.user.has_perm("billing.view_subscription") or request.user.is_superuser:
        panels.append(ProviderStatusPanel())
