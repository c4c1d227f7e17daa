"""API keys, webhooks and the delivery log in the Wagtail admin (Settings → API and webhooks).

Thin views over services.py; a refusal becomes a form error. Keys: `api.add_apikey` to create,
`api.change_apikey` to revoke. Webhooks and their log: `api.change_webhooktarget`.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from masthead.core.errors import refusal_to_form

from . import services
from .errors import ApiRefused
from .forms import ApiKeyForm, WebhookForm
from .models import ApiKey, WebhookDelivery, WebhookTarget
from .webhooks import signing


def _need(request, perm):
    if not request.user.has_perm(perm):
        raise PermissionDenied


def keys(request):
    _need(request, "api.view_apikey")
    form = ApiKeyForm(request.POST or None)
    if request.method == "POST":
        _need(request, "api.add_apikey")
        if form.is_valid():
            try:
                key, raw = services.api_key_create(
                    name=form.cleaned_data["name"],
                    kind=form.cleaned_data["kind"],
                    scopes=form.cleaned_data["scopes"],
                    actor=request.user,
                )
            except ApiRefused as refusal:
                refusal_to_form(form, refusal)
            else:
                # Shown once, in this response only; never stored, never redirected with it.
                response = TemplateResponse(
                    request,
                    "api/admin/key_created.html",
                    {"header_title": _("Key created"), "key": key, "raw": raw},
                )
                response["Cache-Control"] = "private, no-store"
                return response
    return render(
        request,
        "api/admin/keys.html",
        {"header_title": _("API keys"), "keys": ApiKey.objects.order_by("revoked_at", "name"), "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
def key_revoke(request, pk):
    _need(request, "api.change_apikey")
    key = get_object_or_404(ApiKey, pk=pk)
    try:
        services.api_key_revoke(key=key, actor=request.user)
    except ApiRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Key %(name)s revoked.") % {"name": key.name})
    return redirect("api_admin:keys")


def webhooks(request):
    _need(request, "api.change_webhooktarget")
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            target = services.webhook_target_create(
                name=form.cleaned_data["name"],
                url=form.cleaned_data["url"],
                events=form.cleaned_data["events"],
                actor=request.user,
            )
        except ApiRefused as refusal:
            form.add_error("url" if refusal.code.startswith("url") else None, refusal.message)
        else:
            messages.success(request, _("Webhook %(name)s created.") % {"name": target.name})
            return redirect("api_admin:webhook", pk=target.pk)
    return render(
        request,
        "api/admin/webhooks.html",
        {"header_title": _("Webhooks"), "targets": WebhookTarget.objects.order_by("name"), "form": form},
        status=400 if form.errors else 200,
    )


def webhook(request, pk):
    _need(request, "api.change_webhooktarget")
    target = get_object_or_404(WebhookTarget, pk=pk)
    initial = {"name": target.name, "url": target.url, "events": target.events, "active": target.active}
    form = WebhookForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.webhook_target_update(target=target, actor=request.user, **form.cleaned_data)
        except ApiRefused as refusal:
            form.add_error("url" if refusal.code.startswith("url") else None, refusal.message)
        else:
            messages.success(request, _("Webhook saved."))
            return redirect("api_admin:webhook", pk=target.pk)
    return render(
        request,
        "api/admin/webhook.html",
        {
            "header_title": target.name,
            "target": target,
            "form": form,
            "signature_header": signing.HEADER,
            "deliveries": target.deliveries.order_by("-created_at", "-pk")[:20],
        },
        status=400 if form.errors else 200,
    )


@require_POST
def webhook_rotate(request, pk):
    _need(request, "api.change_webhooktarget")
    target = get_object_or_404(WebhookTarget, pk=pk)
    services.webhook_target_rotate_secret(target=target, actor=request.user)
    messages.success(request, _("A new signing secret is in use; update your receiver."))
    return redirect("api_admin:webhook", pk=target.pk)


def deliveries(request):
    _need(request, "api.change_webhooktarget")
    qs = WebhookDelivery.objects.select_related("target").order_by("-created_at", "-pk")
    status = request.GET.get("status", "")
    if status in WebhookDelivery.Status.values:
        qs = qs.filter(status=status)
    target = request.GET.get("target", "")
    if target.isdigit():
        qs = qs.filter(target_id=int(target))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "api/admin/deliveries.html",
        {
            "header_title": _("Webhook deliveries"),
            "page": page,
            "statuses": WebhookDelivery.Status.choices,
            "status": status,
            "targets": WebhookTarget.objects.order_by("name"),
            "target": target,
        },
    )
