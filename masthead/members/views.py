"""The member's own account page: profile, membership, sessions, data export, deletion."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from masthead.access.readers import current_month
from masthead.access.reading import paywall_settings
from masthead.access.selectors import member_access_summary
from masthead.content.views import mark_cacheable
from masthead.core.account_sections import render_context

from .forms import DeleteAccountForm, ProfileForm
from .models import Profile
from .services import KEPT_ON_DELETE, member_delete, member_export, member_profile_update


def _private(response):
    return mark_cacheable(response, personal=True)


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    profile, _created = Profile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"] or None
        member_profile_update(
            user=request.user, display_name=form.cleaned_data["display_name"], language=language
        )
        # Said, and shown, in the language just chosen: the account page of that edition.
        with translation.override(language or translation.get_language()):
            messages.success(request, _("Your profile is saved."))
            return redirect(reverse("members:account"))
    now = timezone.now()
    settings = paywall_settings(request)
    context = {
        "panels": render_context(request),
        "form": form,
        "access": member_access_summary(
            user=request.user, now=now, meter_limit=settings.monthly_free_articles
        ),
        "month": current_month(now),
    }
    response = render(request, "members/account.html", context, status=400 if form.errors else 200)
    return _private(response)


@login_required
def export(request):
    data = member_export(user=request.user)
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return _private(response)


@login_required
@require_http_methods(["GET", "POST"])
def delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        member_delete(user=user, actor=user)
        messages.success(request, _("Your account has been deleted. Thank you for reading."))
        return redirect("/")
    response = render(
        request,
        "members/delete.html",
        {"form": form, "kept": KEPT_ON_DELETE},
        status=400 if form.errors else 200,
    )
    return _private(response)
