"""Members in the Wagtail admin: search, filter by status, a member's history, complimentary access."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from masthead.access.errors import AccessRefused
from masthead.access.models import Grant, Level
from masthead.access.selectors import member_access_summary, member_status, with_member_status
from masthead.access.services import grant_complimentary, grant_end
from masthead.core.models import AuditEntry

from .models import Member
from .services import display_name

STATUSES = [
    ("paying", _("Paying")),
    ("trial", _("On a free trial")),
    ("complimentary", _("Complimentary")),
    ("lapsed", _("Lapsed")),
    ("free", _("Free")),
    ("staff", _("Staff")),
]


class MemberFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUSES, method="filter_status", empty_label=_("All")
    )

    class Meta:
        model = Member
        fields = []

    def filter_status(self, queryset, name, value):
        if value not in dict(STATUSES):
            return queryset
        return with_member_status(queryset, now=timezone.now()).filter(member_status=value)


class StatusColumn(Column):
    def get_value(self, instance):
        # The list's queryset is annotated (MemberViewSet.get_queryset): no query per row.
        return dict(STATUSES).get(member_status(user=instance, now=timezone.now()), "")


class NameColumn(Column):
    def get_value(self, instance):
        return display_name(instance)


class MemberIndexView(IndexView):
    def get_base_queryset(self):
        # The status column reads the annotation: one query for the page, not one per row.
        return with_member_status(super().get_base_queryset().select_related("profile"), now=timezone.now())


class ComplimentaryForm(forms.Form):
    level = forms.ChoiceField(label=_("Access"), choices=Level.choices, initial=Level.PREMIUM)
    ends_at = forms.DateTimeField(
        label=_("Until"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Required."),
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=300, help_text=_("e.g. source, partner, competition winner")
    )


class MemberViewSet(ModelViewSet):
    model = Member
    icon = "user"
    menu_label = _("Members")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        TitleColumn(
            "email", label=_("Email"), get_url=lambda m: reverse("member_admin:member_history", args=[m.pk])
        ),
        NameColumn("name", label=_("Name")),
        StatusColumn("status", label=_("Status")),
        "date_joined",
        "last_login",
    ]
    search_fields = ["email", "first_name", "last_name", "profile__display_name"]
    search_backend_name = None
    filterset_class = MemberFilterSet
    index_view_class = MemberIndexView
    form_fields = ["first_name", "last_name", "email", "is_active"]
    inspect_view_enabled = True
    ordering = ["-date_joined"]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/history/", self.history_page, name="member_history"),
            path("<int:pk>/complimentary/", self.complimentary, name="complimentary"),
            path("<int:pk>/grants/<int:grant_id>/end/", self.end_grant, name="end_grant"),
        ]

    def _check(self, request):
        if not request.user.has_perm("auth.change_user"):
            raise PermissionDenied

    def history_page(self, request, pk):
        self._check(request)
        member = get_object_or_404(Member, pk=pk)
        now = timezone.now()
        return TemplateResponse(
            request,
            "members/admin/member_history.html",
            {
                "member": member,
                "name": display_name(member),
                "status": dict(STATUSES).get(member_status(user=member, now=now)),
                "access": member_access_summary(user=member, now=now),
                "audit": AuditEntry.objects.filter(member=member).select_related("actor")[:200],
                "form": ComplimentaryForm(),
                "header_title": display_name(member),
            },
        )

    def complimentary(self, request, pk):
        self._check(request)
        member = get_object_or_404(Member, pk=pk)
        form = ComplimentaryForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                grant_complimentary(
                    user=member,
                    level=form.cleaned_data["level"],
                    ends_at=form.cleaned_data["ends_at"],
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                )
                messages.success(request, _("Complimentary access granted."))
            except AccessRefused as refusal:
                messages.error(request, refusal.message)
        elif request.method == "POST":
            messages.error(request, _("Complimentary access needs a level, an end date and a reason."))
        return redirect(reverse(f"{self.name}:member_history", args=[member.pk]))

    def end_grant(self, request, pk, grant_id):
        self._check(request)
        member = get_object_or_404(Member, pk=pk)
        if request.method == "POST":
            grant = get_object_or_404(Grant, pk=grant_id, user=member)
            grant_end(
                grant=grant,
                actor=request.user,
                reason=request.POST.get("reason", "")[:300] or "ended by staff",
            )
            messages.success(request, _("Access ended."))
        return redirect(reverse(f"{self.name}:member_history", args=[member.pk]))


member_viewset = MemberViewSet("member_admin", url_prefix="members")


@hooks.register("register_admin_viewset")
def register_member_viewset():
    return member_viewset
