"""Newsletters in the Wagtail admin: newsletters, issues (compose, preview, test, send, schedule,
progress and counts), subscribers and suppressed addresses."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from wagtail import hooks
from wagtail.admin.views.generic import CreateView, EditView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from masthead.core.errors import refusal_response, refusal_to_message

from . import services
from .errors import NewsletterError
from .forms import ScheduleForm
from .models import Delivery, Issue, Newsletter, Subscriber, Suppression
from .render import RenderError, free_variant, personal_values, render_variant
from .sending import recipient_ids, recipient_name


class NewsletterViewSet(ModelViewSet):
    model = Newsletter
    icon = "mail"
    menu_label = _("Newsletters")
    list_display = ["name", "audience", "sender_email", "subscribe_new_members", "in_signup_box", "active"]
    list_filter = ["audience", "active"]
    copy_view_enabled = False


class IssueEditView(EditView):
    """Sent and sending issues are a record: they open on their progress page instead.

    Saving leads to the issue's page (preview, test, send, schedule), and a header button goes
    there without saving: sending is one step from where the issue is written.
    """

    def dispatch(self, request, *args, **kwargs):
        issue = get_object_or_404(Issue, pk=kwargs.get("pk"))
        if not issue.editable:
            messages.warning(request, services.NewsletterError("issue.not_editable").message)
            return redirect(reverse("newsletter_issues:inspect", args=[issue.pk]))
        return super().dispatch(request, *args, **kwargs)

    def get_header_buttons(self):
        return [
            HeaderButton(
                _("Preview and send"),
                url=reverse("newsletter_issues:inspect", args=[self.object.pk]),
                icon_name="mail",
                attrs={"data-issue-send": ""},
            ),
            *super().get_header_buttons(),
        ]

    def get_success_url(self):
        return reverse("newsletter_issues:inspect", args=[self.object.pk])


class IssueCreateView(CreateView):
    def get_success_url(self):
        return reverse("newsletter_issues:inspect", args=[self.object.pk])


class IssueInspectView(InspectView):
    """The issue's page: progress and final counts, send and schedule buttons, the preview."""

    def get_fields(self):
        return ["newsletter", "subject", "preheader", "created_by", "started_at"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Only what is known: a draft has not started, an issue made by code has no author.
        self.fields = [name for name in self.fields if getattr(self.object, name) not in (None, "")]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue = self.object
        context["counts"] = issue_counts(issue)
        context["failures"] = (
            Delivery.objects.filter(issue=issue, state=Delivery.State.FAILED)
            .select_related("subscriber")
            .order_by("-id")[:20]
        )
        # Named, all of them: these may or may not have the issue, and are not sent it again.
        context["unconfirmed"] = (
            Delivery.objects.filter(issue=issue, state=Delivery.State.UNCONFIRMED)
            .select_related("subscriber__user")
            .order_by("id")
        )
        context["recipients_now"] = (
            len(recipient_ids(issue.newsletter, timezone.now())) if issue.editable else None
        )
        context["time_zone"] = timezone.get_current_timezone_name()
        context["preview_reader"] = preview_recipient(issue, self.request.user)
        return context


class IssueViewSet(ModelViewSet):
    model = Issue
    icon = "doc-full-inverse"
    menu_label = _("Issues")
    list_display = [
        "subject",
        "newsletter",
        "status",
        "scheduled_at",
        "planned_count",
        "sent_count",
        "failed_count",
        "finished_at",
    ]
    list_filter = ["newsletter", "status"]
    search_fields = ["subject"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_template_name = "newsletters/admin/issue_inspect.html"
    edit_view_class = IssueEditView
    add_view_class = IssueCreateView
    inspect_view_class = IssueInspectView
    copy_view_enabled = True

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/preview/<str:variant>/", self.preview, name="preview"),
            path("<int:pk>/action/", self.action, name="action"),
            path("<int:pk>/progress/", self.progress, name="progress"),
        ]

    @staticmethod
    def _check(request, perm="newsletters.change_issue"):
        if not request.user.has_perm(perm):
            raise PermissionDenied

    @staticmethod
    @xframe_options_sameorigin
    def preview(request, pk, variant):
        """The email as a free (or paying) recipient would see it, for the admin's preview frame."""
        IssueViewSet._check(request)
        issue = get_object_or_404(Issue.objects.select_related("newsletter"), pk=pk)
        now = timezone.now()
        articles = issue.articles()
        key = tuple(True for _a in articles) if variant == "full" else free_variant(articles, now)
        try:
            html, text = render_variant(issue, articles, key, tracking=False)
        except RenderError as error:
            return refusal_response(services.NewsletterError("issue.render_failed", error=str(error)))
        # What a real recipient would read: their name and links in place of the merge tags.
        html, text = fill_for_preview(html, text, preview_recipient(issue, request.user))
        if request.GET.get("format") == "text":
            return HttpResponse(text, content_type="text/plain; charset=utf-8")
        return HttpResponse(html)

    def progress(self, request, pk):
        """Live counts while sending (polled by the progress page)."""
        self._check(request)
        issue = get_object_or_404(Issue, pk=pk)
        return JsonResponse(issue_counts(issue))

    def action(self, request, pk):
        self._check(request)
        issue = get_object_or_404(Issue.objects.select_related("newsletter"), pk=pk)
        action = request.POST.get("action")
        if request.method != "POST":
            return redirect(reverse(f"{self.name}:inspect", args=[pk]))
        try:
            if action == "test":
                services.issue_send_test(issue=issue, actor=request.user)
                messages.success(
                    request,
                    _("Two test emails (as a free and as a paying reader) are on their way to %(email)s.")
                    % {"email": request.user.email},
                )
            elif action == "send":
                services.issue_send_now(issue=issue, actor=request.user)
                messages.success(request, _("Sending has started."))
            elif action == "schedule":
                form = ScheduleForm(request.POST)
                if not form.is_valid():
                    messages.error(request, _("Enter a date and time to schedule the issue."))
                else:
                    services.issue_schedule(issue=issue, at=form.cleaned_data["at"], actor=request.user)
                    messages.success(request, _("The issue is scheduled."))
            elif action == "unschedule":
                services.issue_unschedule(issue=issue, actor=request.user)
                messages.success(request, _("The issue is back to draft."))
        except NewsletterError as refusal:
            refusal_to_message(request, refusal)
        return redirect(reverse(f"{self.name}:inspect", args=[pk]))


def preview_recipient(issue, user):
    """Whose merge values the preview shows: a confirmed subscriber of this newsletter with a name
    (the first one; a real reader's values show what the merge tags become), else the editor."""
    receiving = Subscriber.objects.filter(
        subscriptions__newsletter=issue.newsletter,
        subscriptions__ended_at__isnull=True,
        confirmed_at__isnull=False,
    ).order_by("pk")
    return receiving.exclude(name="").first() or receiving.first() or services.subscriber_for_user(user=user)


def fill_for_preview(html, text, subscriber):
    values = personal_values(
        address=subscriber.email,
        name=recipient_name(subscriber),
        token=subscriber.token,
        message_id="preview",
    )
    for placeholder, value in values.items():
        html = html.replace(placeholder.decode(), value.decode())
        text = text.replace(placeholder.decode(), value.decode())
    return html, text


def issue_counts(issue):
    stats = Delivery.objects.filter(issue=issue).aggregate(
        planned=Count("id"),
        sent=Count("id", filter=Q(state=Delivery.State.SENT)),
        failed=Count("id", filter=Q(state=Delivery.State.FAILED)),
        unconfirmed=Count("id", filter=Q(state=Delivery.State.UNCONFIRMED)),
        pending=Count("id", filter=Q(state__in=[Delivery.State.PENDING, Delivery.State.CLAIMED])),
        opened=Count("id", filter=Q(opened_at__isnull=False)),
        clicked=Count("id", filter=Q(clicked_at__isnull=False)),
    )
    return {"status": issue.status, "status_label": str(issue.get_status_display()), **stats}


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    list_display = ["email", "user", "confirmed_at", "created_at"]
    search_fields = ["email"]
    search_backend_name = None
    form_fields = ["name"]
    add_view_enabled = False
    copy_view_enabled = False


class SuppressionViewSet(ModelViewSet):
    model = Suppression
    icon = "warning"
    menu_label = _("Suppressed addresses")
    list_display = ["email", "reason", "detail", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email"]
    search_backend_name = None
    form_fields = ["email", "detail"]
    edit_view_enabled = False
    copy_view_enabled = False
    # Lifting happens only when the address confirms anew (services.signup_confirm).
    delete_view_enabled = False

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name != "add"] + [
            path("new/", self.add_suppression, name="add")
        ]

    def add_suppression(self, request):
        if not request.user.has_perm("newsletters.add_suppression"):
            raise PermissionDenied

        class Form(forms.Form):
            email = forms.EmailField(label=_("Email"))
            detail = forms.CharField(label=_("Why"), required=False, max_length=300)

        form = Form(request.POST or None)
        if request.method == "POST" and form.is_valid():
            services.suppress(
                email=form.cleaned_data["email"],
                reason=Suppression.Reason.STAFF,
                detail=form.cleaned_data["detail"],
                actor=request.user,
            )
            messages.success(request, _("That address will not be mailed again."))
            return redirect(reverse(f"{self.name}:index"))
        return TemplateResponse(request, "newsletters/admin/suppress.html", {"form": form})


class NewslettersGroup(ViewSetGroup):
    menu_label = _("Newsletters")
    menu_icon = "mail"
    menu_order = 250
    items = (
        IssueViewSet("newsletter_issues"),
        NewsletterViewSet("newsletter_lists"),
        SubscriberViewSet("newsletter_subscribers"),
        SuppressionViewSet("newsletter_suppressions"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return NewslettersGroup()
