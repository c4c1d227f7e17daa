"""Reader-facing membership pages: pricing, checkout, the account's membership actions, gifts, teams."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masthead.core.caching import mark_cacheable, public_for_anonymous, read_param
from masthead.core.errors import refusal_to_form, refusal_to_message
from masthead.core.origin import absolute_url, site_origin

from . import gifts, groups, offers, prepaid, services
from .errors import MESSAGES, BillingError
from .forms import CardForm, GiftForm, InviteForm, StartForm, TeamSettingsForm
from .methods import METHODS, method_label, methods_for, offers_one_off_methods
from .models import LIVE_STATUSES, CheckoutSession, Group, GroupSeat, Payment, Plan, Price, Status
from .money import CURRENCIES, discounted, format_money
from .providers import provider_name
from .providers.testmode import DOCUMENTED_CARDS, pay_checkout, pay_with_method, set_card

OFFER_SESSION_KEY = "billing_offer_code"


def _private(response):
    return mark_cacheable(response, personal=True)


def safe_next(request, value, default="/"):
    value = value or ""
    if url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return default


def _currency(request):
    requested = (request.GET.get("currency") or request.session.get("billing_currency") or "").upper()
    available = services.available_currencies()
    if requested in available:
        return requested
    language = (request.LANGUAGE_CODE or "").lower()
    if language.startswith("zh") and "CNY" in available:
        return "CNY"
    return "USD" if "USD" in available else (available[0] if available else "USD")


@public_for_anonymous
def pricing(request):
    currency = _currency(request)
    if request.GET.get("currency", "").upper() in CURRENCIES and request.session.session_key:
        request.session["billing_currency"] = currency
    interval = "year" if request.GET.get("interval") == "year" else "month"
    if "currency" in request.GET:
        read_param(request, "currency", currency)
    if "interval" in request.GET:
        read_param(request, "interval", interval)
    offer_code = request.session.get(OFFER_SESSION_KEY, "") if request.session.session_key else ""
    offer = None
    if offer_code:
        try:
            offer = offers.offer_by_code(offer_code)
        except BillingError:
            offer = None
    next_url = safe_next(request, request.GET.get("next"), default="")
    user = request.user
    plans = services.pricing_plans(currency=currency)
    for row in plans:
        row["price"] = (
            (row["yearly"] if interval == "year" else row["monthly"]) or row["monthly"] or row["yearly"]
        )
    context = {
        "plans": plans,
        "currency": currency,
        "currencies": services.available_currencies(),
        "interval": interval,
        "next": next_url,
        "offer": offer,
        "offer_text": offers.describe(offer, currency),
        "current": services.live_subscription(user) if user.is_authenticated else None,
        "trial_used": user.is_authenticated and services.had_trial(user),
        "test_mode": provider_name() == "test",
        "prepay_methods": [method_label(m) for m in methods_for(currency) if m != "card"]
        if offers_one_off_methods(currency)
        else [],
    }
    return render(request, "billing/pricing.html", context)


def start(request):
    """Confirm the chosen plan and go to payment. Readers without an account sign up first."""
    price = (
        Price.objects.select_related("plan")
        .filter(pk=request.GET.get("price") or request.POST.get("price"), active=True)
        .first()
        if (request.GET.get("price") or request.POST.get("price") or "").isdigit()
        else None
    )
    if price is None:
        messages.error(request, _("Choose a plan first."))
        return redirect("billing:pricing")
    next_url = safe_next(request, request.GET.get("next") or request.POST.get("next"), default="")
    once = (request.GET.get("pay") or request.POST.get("pay")) == "once"
    if not request.user.is_authenticated:
        query = {"price": price.pk, "next": next_url, **({"pay": "once"} if once else {})}
        back = reverse("billing:start") + "?" + urlencode(query)
        return redirect(reverse("account_signup") + "?" + urlencode({"next": back}))
    existing = services.live_subscription(request.user)
    if existing:
        messages.info(request, _("You already have a membership. Manage it here."))
        return redirect("members:account")
    if once:
        return _start_prepaid(request, price, next_url)
    offer_code = (
        request.POST.get("offer_code")
        if request.method == "POST"
        else request.session.get(OFFER_SESSION_KEY, "")
    )
    form = StartForm(
        request.POST or None,
        plan=price.plan,
        initial={"offer_code": offer_code or "", "quantity": price.plan.min_seats},
    )
    if request.method == "POST" and form.is_valid():
        try:
            offer = offers.offer_by_code(form.cleaned_data.get("offer_code"))
            checkout, url = services.checkout_start(
                user=request.user,
                price=price,
                quantity=form.cleaned_data.get("quantity") or 1,
                offer=offer,
                next_url=next_url,
                base_url=site_origin(),
            )
        except BillingError as refusal:
            refusal_to_form(form, refusal, "offer_code" if refusal.code.startswith("offer") else None)
        else:
            return redirect(url)
    plan = price.plan
    trial_days = services.trial_days_for(user=request.user, plan=plan)
    response = render(
        request,
        "billing/start.html",
        {
            "price": price,
            "plan": plan,
            "form": form,
            "next": next_url,
            "trial_days": trial_days,
            "test_mode": provider_name() == "test",
        },
        status=400 if form.errors else 200,
    )
    return _private(response)


def _start_prepaid(request, price, next_url):
    """A membership period paid once (billing.prepaid): Alipay, WeChat Pay or card, no renewal."""
    if not prepaid.can_prepay(price):
        refusal_to_message(request, BillingError("method_unavailable", currency=price.currency))
        return redirect(reverse("billing:pricing") + "?" + urlencode({"currency": price.currency}))
    error = None
    if request.method == "POST":
        method = request.POST.get("method", "")
        try:
            _checkout, url = prepaid.prepaid_checkout_start(
                user=request.user,
                price=price,
                method=method if method in METHODS else "",
                next_url=next_url,
                base_url=site_origin(),
            )
        except BillingError as refusal:
            error = refusal.message
        else:
            return redirect(url)
    response = render(
        request,
        "billing/start_prepaid.html",
        {
            "price": price,
            "plan": price.plan,
            "next": next_url,
            "methods": [method_label(m) for m in methods_for(price.currency)],
            "paid_until": prepaid.prepaid_until(request.user),
            "error": error,
            "test_mode": provider_name() == "test",
        },
        status=400 if error else 200,
    )
    return _private(response)


def checkout_failure_text(checkout):
    """Why a checkout failed, in the reader's words (the checkout keeps a code, not a sentence)."""
    code, _sep, detail = (checkout.error or "").partition(":")
    if code == "payment_method_failed":
        label = method_label(detail) if detail else _("Alipay or WeChat Pay")
        return BillingError("payment_method_failed", method=label).message
    if code in MESSAGES and not _sep and "%(" not in str(MESSAGES[code]):
        return BillingError(code).message
    return _("The payment did not complete. Nothing was charged.")


def offer_link(request, code):
    try:
        offer = offers.offer_by_code(code[:40])
        offers.offer_check(
            offer=offer, plan=Plan.objects.filter(active=True).first(), currency=_currency(request)
        ) if not offer.plans.exists() else None
    except BillingError as refusal:
        refusal_to_message(request, refusal)
        return redirect("billing:pricing")
    if not request.session.session_key:
        request.session.save()
    request.session[OFFER_SESSION_KEY] = offer.code
    messages.success(request, _("Offer applied: %(offer)s.") % {"offer": offers.describe(offer)})
    return redirect("billing:pricing")


@login_required
def test_checkout(request, pk):
    """The test-mode provider's checkout page (never used with Stripe)."""
    checkout = get_object_or_404(
        CheckoutSession.objects.select_related("price__plan", "offer"), pk=pk, provider="test"
    )
    if checkout.user_id and checkout.user_id != request.user.pk:
        raise Http404
    if checkout.state == CheckoutSession.State.COMPLETE:
        return redirect("billing:checkout_return", pk=checkout.pk)
    wallet = request.method == "POST" and request.POST.get("outcome") in ("pay", "fail")
    form = CardForm(None if wallet else (request.POST or None))
    error = None
    # Alipay / WeChat Pay for one-off payments in a currency that offers them (billing.methods).
    methods = (
        methods_for(checkout.charge_currency)
        if checkout.kind != CheckoutSession.Kind.SUBSCRIPTION
        else ["card"]
    )
    chosen = request.POST.get("method") if wallet else request.GET.get("method", "card")
    if chosen not in methods:
        chosen = "card"
    if wallet:
        try:
            pay_with_method(
                checkout=checkout,
                method=request.POST.get("method", ""),
                succeed=request.POST["outcome"] == "pay",
            )
            return redirect("billing:checkout_return", pk=checkout.pk)
        except BillingError as refusal:
            error = refusal.message
    elif request.method == "POST" and form.is_valid():
        try:
            pay_checkout(checkout=checkout, card_number=form.cleaned_data["card_number"])
            return redirect("billing:checkout_return", pk=checkout.pk)
        except BillingError as refusal:
            error = refusal.message
        except IntegrityError:
            error = BillingError("already_member").message
    checkout.refresh_from_db()
    response = render(
        request,
        "billing/test_checkout.html",
        {
            "checkout": checkout,
            "form": form,
            "error": error,
            "cards": DOCUMENTED_CARDS,
            "methods": [(m, method_label(m)) for m in methods] if len(methods) > 1 else [],
            "method": chosen,
            "method_label": method_label(chosen),
            "closed": checkout.state != CheckoutSession.State.OPEN,
        },
        status=400 if (error or form.errors) else 200,
    )
    return _private(response)


@login_required
def checkout_return(request, pk):
    """Where the provider sends the reader back. Waits (politely) for the confirming event."""
    checkout = get_object_or_404(CheckoutSession, pk=pk, user=request.user)
    if checkout.state == CheckoutSession.State.COMPLETE:
        if checkout.kind == CheckoutSession.Kind.PAYMENT:
            messages.success(request, _("Thank you, your payment is complete."))
            return redirect(safe_next(request, checkout.next_url, default=reverse("members:account")))
        if checkout.kind == CheckoutSession.Kind.PREPAID:
            until = prepaid.prepaid_until(request.user)
            messages.success(
                request,
                _("Thank you! Your membership is paid until %(date)s.")
                % {"date": date_format(until, "DATE_FORMAT") if until else ""},
            )
            return redirect(safe_next(request, checkout.next_url, default=reverse("members:account")))
        if checkout.kind == CheckoutSession.Kind.GIFT:
            messages.success(
                request,
                _("Thank you! We have emailed your gift to %(email)s.") % {"email": checkout.gift_recipient},
            )
            return redirect("members:account")
        messages.success(request, _("Welcome! Your membership has started."))
        return redirect(safe_next(request, checkout.next_url, default=reverse("members:account")))
    if checkout.state == CheckoutSession.State.FAILED:
        messages.error(request, checkout_failure_text(checkout))
        return redirect("billing:pricing")
    return _private(render(request, "billing/checkout_pending.html", {"checkout": checkout}))


# --- Account actions --------------------------------------------------------------------------


def _my_subscription(request):
    sub = services.live_subscription(request.user)
    if sub is None:
        raise Http404
    return sub


def _action(request, operation, success):
    try:
        operation()
        messages.success(request, success)
    except BillingError as refusal:
        refusal_to_message(request, refusal)
    return redirect("members:account")


@login_required
@require_POST
def cancel(request):
    sub = _my_subscription(request)
    return _action(
        request,
        lambda: services.subscription_cancel(subscription=sub, actor=request.user),
        _("Your membership is canceled. You keep access until the end of the period you paid for."),
    )


@login_required
@require_POST
def resume(request):
    sub = _my_subscription(request)
    return _action(
        request,
        lambda: services.subscription_resume(subscription=sub, actor=request.user),
        _("Your membership continues."),
    )


@login_required
@require_POST
def switch(request):
    sub = _my_subscription(request)
    return _action(
        request,
        lambda: services.subscription_switch_interval(subscription=sub, actor=request.user),
        _("Your billing period has changed."),
    )


@login_required
@require_POST
def change_plan(request):
    sub = _my_subscription(request)
    price_id = request.POST.get("price", "")
    price = (
        Price.objects.filter(pk=int(price_id), active=True).select_related("plan").first()
        if price_id.isdigit()
        else None
    )
    if price is None:
        return HttpResponseBadRequest(_("Choose a plan."))
    seats = request.POST.get("seats", "")
    quantity = int(seats) if seats.isdigit() and 0 < int(seats) < 10_000 else None
    return _action(
        request,
        lambda: services.subscription_change_price(
            subscription=sub, price=price, quantity=quantity, actor=request.user
        ),
        _("Your plan has changed."),
    )


@login_required
def card(request):
    sub = _my_subscription(request)
    try:
        return redirect(
            services.card_update_url(subscription=sub, return_url=absolute_url(reverse("members:account")))
        )
    except BillingError as refusal:
        refusal_to_message(request, refusal)
        return redirect("members:account")


@login_required
def test_card(request, pk):
    sub = get_object_or_404(services.Subscription, pk=pk, user=request.user, provider="test")
    form = CardForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            set_card(subscription=sub, card_number=form.cleaned_data["card_number"])
            messages.success(request, _("Your card is updated."))
            return redirect("members:account")
        except BillingError as refusal:
            error = refusal.message
    return _private(
        render(
            request,
            "billing/test_card.html",
            {"form": form, "error": error, "cards": DOCUMENTED_CARDS, "subscription": sub},
            status=400 if error else 200,
        )
    )


@login_required
def receipt(request, pk):
    payment = get_object_or_404(Payment, pk=pk, user=request.user)
    return _private(render(request, "billing/receipt.html", {"payment": payment}))


# --- Gifts ------------------------------------------------------------------------------------


@login_required
def gift_buy(request):
    currency = _currency(request)
    form = GiftForm(request.POST or None, currency=currency)
    if request.method == "POST" and form.is_valid():
        try:
            checkout, url = gifts.gift_checkout_start(
                purchaser=request.user,
                plan=form.cleaned_data["plan"],
                months=int(form.cleaned_data["months"]),
                currency=form.cleaned_data["currency"],
                recipient_email=form.cleaned_data["recipient_email"],
                message=form.cleaned_data.get("message", ""),
                base_url=site_origin(),
            )
            return redirect(url)
        except BillingError as refusal:
            refusal_to_form(form, refusal)
    return _private(
        render(request, "billing/gift_buy.html", {"form": form}, status=400 if form.errors else 200)
    )


def gift_claim(request, token):
    gift = gifts.GiftMembership.objects.select_related("plan").filter(token=token[:64]).first()
    if gift is None:
        return _private(
            render(
                request,
                "billing/gift_claim.html",
                {"error": BillingError("gift_unknown").message},
                status=404,
            )
        )
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(reverse("account_signup") + "?" + urlencode({"next": request.path}))
        try:
            gifts.gift_claim(token=gift.token, user=request.user)
            messages.success(request, _("Your gift membership has started. Enjoy reading!"))
            return redirect("members:account")
        except BillingError as refusal:
            return _private(
                render(
                    request, "billing/gift_claim.html", {"gift": gift, "error": refusal.message}, status=400
                )
            )
    return _private(render(request, "billing/gift_claim.html", {"gift": gift}))


# --- Teams ------------------------------------------------------------------------------------


@login_required
def group_manage(request):
    group = (
        Group.objects.filter(owner=request.user, subscription__status__in=LIVE_STATUSES)
        .select_related("subscription")
        .first()
    )
    if group is None:
        raise Http404
    invite_form = InviteForm(prefix="invite")
    settings_form = TeamSettingsForm(prefix="team", instance=group)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "invite":
                invite_form = InviteForm(request.POST, prefix="invite")
                if invite_form.is_valid():
                    groups.group_invite(
                        group=group, email=invite_form.cleaned_data["email"], actor=request.user
                    )
                    messages.success(request, _("Invitation sent."))
                    return redirect("billing:group_manage")
            elif action == "settings":
                settings_form = TeamSettingsForm(request.POST, prefix="team", instance=group)
                if settings_form.is_valid():
                    settings_form.save()
                    messages.success(request, _("Team settings saved."))
                    return redirect("billing:group_manage")
            elif action == "remove":
                seat = get_object_or_404(GroupSeat, pk=request.POST.get("seat", "0") or 0, group=group)
                groups.group_remove(seat=seat, actor=request.user)
                messages.success(request, _("%(email)s no longer has a seat.") % {"email": seat.email})
                return redirect("billing:group_manage")
        except BillingError as refusal:
            refusal_to_message(request, refusal)
    seats = group.seats_taken.exclude(state=GroupSeat.State.REMOVED).order_by("created_at")
    join_url = absolute_url(reverse("billing:group_join_domain", args=[group.join_token]))
    return _private(
        render(
            request,
            "billing/group_manage.html",
            {
                "group": group,
                "seats": seats,
                "invite_form": invite_form,
                "settings_form": settings_form,
                "join_url": join_url,
                "free_seats": max(0, group.seats - seats.count()),
            },
            status=400 if (invite_form.errors or settings_form.errors) else 200,
        )
    )


def _join(request, join, group=None):
    if not request.user.is_authenticated:
        return redirect(reverse("account_signup") + "?" + urlencode({"next": request.path}))
    if request.method != "POST":
        return _private(render(request, "billing/group_join.html", {"group": group}))
    try:
        join()
    except BillingError as refusal:
        return _private(
            render(request, "billing/group_join.html", {"group": group, "error": refusal.message}, status=400)
        )
    messages.success(request, _("You have joined the team. Welcome!"))
    return redirect("members:account")


def group_join_invite(request, token):
    seat = GroupSeat.objects.select_related("group").filter(token=token[:64]).first()
    if seat is None:
        return _private(
            render(
                request,
                "billing/group_join.html",
                {"error": BillingError("group_invite_unknown").message},
                status=404,
            )
        )
    return _join(
        request, lambda: groups.group_join_by_invite(token=seat.token, user=request.user), seat.group
    )


def group_join_domain(request, token):
    group = get_object_or_404(Group, join_token=token[:64])
    return _join(request, lambda: groups.group_join_by_domain(group=group, user=request.user), group)


def account_panel(request):
    """The membership panel on the account page (core.account_sections)."""
    if not request.user.is_authenticated:
        return None
    sub = services.live_subscription(request.user)
    payments = Payment.objects.filter(user=request.user).order_by("-created_at")[:24]
    past = services.Subscription.objects.filter(user=request.user, status=Status.EXPIRED).order_by(
        "-started_at"
    )[:3]
    other_prices = []
    if sub is not None:
        other_prices = (
            Price.objects.filter(active=True, plan__active=True, currency=sub.price.currency)
            .exclude(pk=sub.price_id)
            .select_related("plan")
        )
    owned_group = Group.objects.filter(owner=request.user, subscription=sub).first() if sub else None
    seats = (
        GroupSeat.objects.filter(user=request.user, state=GroupSeat.State.ACTIVE)
        .select_related("group__subscription")
        .exclude(group__owner=request.user)
    )
    gifts_claimed = gifts.GiftMembership.objects.filter(claimed_by=request.user).order_by("-ends_at")[:3]
    paid_until = prepaid.prepaid_until(request.user)
    next_charge = None
    if sub is not None and sub.status in (Status.ACTIVE, Status.TRIALING):
        amount = sub.price.amount * sub.quantity
        if sub.offer_id and sub.discount_periods_left != 0:
            amount = discounted(amount, sub.offer, sub.price.currency)

        next_charge = {
            "date": sub.current_period_end or sub.trial_end,
            "amount": format_money(amount, sub.price.currency),
        }
    return {
        "subscription": sub,
        "payments": payments,
        "past": past,
        "other_prices": other_prices,
        "owned_group": owned_group,
        "seats": seats,
        "gifts": gifts_claimed,
        "next_charge": next_charge,
        "prepaid_until": paid_until,
        "now": timezone.now(),
    }
