"""The newsroom inbox in the Wagtail admin (mounted by wagtail_hooks under /admin/newsroom/).

Editors (newsroom.change_thread) see every thread; authors (newsroom.view_thread) see threads
assigned to them. Who sent a confidential tip is shown only with
newsroom.view_confidential_sender — everywhere: list, thread, emails to staff.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masthead.core.models import AuditEntry

from . import files, publishing, services
from .errors import NewsroomRefused
from .forms import AdminReplyForm, AssignForm, InboxFilterForm, NoteForm, PublishForm, StatusForm
from .models import OPEN_STATUSES, Attachment, CannedReply, Publication, Thread

PER_PAGE = 50


def _may_use_inbox(user):
    return user.has_perm("newsroom.change_thread") or user.has_perm("newsroom.view_thread")


def visible_threads(user):
    qs = Thread.objects.all()
    if user.has_perm("newsroom.change_thread"):
        return qs
    if user.has_perm("newsroom.view_thread"):
        return qs.filter(assignee=user)
    return qs.none()


def staff_choices():
    users = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .select_related("author_page")
        .order_by("first_name", "last_name", "username")
    )
    choices = []
    for u in users:
        label = u.get_full_name() or u.username
        author = getattr(u, "author_page", None)
        if author is not None:
            label = f"{label} ({_('author')}: {author.title})"
        choices.append((u, label))
    return choices


def inbox(request):
    if not _may_use_inbox(request.user):
        raise PermissionDenied
    now = timezone.now()
    people = staff_choices()
    form = InboxFilterForm(request.GET or None, staff_choices=people)
    threads = visible_threads(request.user).select_related("assignee", "section", "sender", "author")
    title = _("Newsroom inbox")
    if form.is_valid():
        cd = form.cleaned_data
        if cd["kind"]:
            threads = threads.filter(kind=cd["kind"])
        if cd["status"] == "open":
            threads = threads.filter(status__in=OPEN_STATUSES)
        elif cd["status"]:
            threads = threads.filter(status=cd["status"])
        if cd["section"]:
            threads = threads.filter(section=cd["section"])
        if cd["assignee"] == "me":
            threads = threads.filter(assignee=request.user)
        elif cd["assignee"] == "none":
            threads = threads.filter(assignee__isnull=True)
        elif cd["assignee"]:
            threads = threads.filter(assignee_id=cd["assignee"])
        if cd["overdue"]:
            threads = threads.filter(status__in=OPEN_STATUSES, due_at__lt=now).order_by("due_at")
            title = _("Overdue")
        if cd["q"]:
            threads = threads.filter(subject__icontains=cd["q"])
    page = Paginator(threads, PER_PAGE).get_page(request.GET.get("p"))
    may_see = request.user.has_perm("newsroom.view_confidential_sender")
    rows = [
        {
            "thread": t,
            "sender": _sender_label(t, may_see),
            "overdue": t.is_overdue(now),
        }
        for t in page.object_list
    ]
    return TemplateResponse(
        request,
        "newsroom/admin/inbox.html",
        {
            "form": form,
            "rows": rows,
            "page": page,
            "header_title": title,
            "overdue_count": visible_threads(request.user)
            .filter(status__in=OPEN_STATUSES, due_at__lt=now)
            .count(),
            "query": request.GET.urlencode(),
        },
    )


def _sender_label(thread, may_see):
    if thread.confidential and not may_see:
        return _("Confidential source")
    name = thread.sender_name or (thread.sender.get_full_name() if thread.sender_id else "")
    address = thread.sender.email if thread.sender_id else thread.sender_email
    if not (name or address):
        return _("(deleted account)")
    return f"{name} <{address}>" if name else address


def _thread_for(request, pk):
    thread = get_object_or_404(
        Thread.objects.select_related("assignee", "section", "sender", "author"), pk=pk
    )
    if not services.can_handle(request.user, thread):
        raise PermissionDenied
    return thread


def thread_detail(request, pk):
    thread = _thread_for(request, pk)
    now = timezone.now()
    may_see = services.can_see_sender(request.user, thread)
    people = staff_choices()
    publication = Publication.objects.filter(thread=thread).select_related("page").first()
    context = {
        "thread": thread,
        "header_title": thread.subject,
        "may_see_sender": may_see,
        "may_mark_confidential": request.user.has_perm("newsroom.view_confidential_sender"),
        "sender": _sender_label(thread, may_see),
        "conversation": thread.messages.select_related("staff").prefetch_related("attachments"),
        "notes": thread.notes.select_related("staff"),
        "overdue": thread.is_overdue(now),
        "assign_form": AssignForm(initial={"assignee": thread.assignee_id or ""}, staff_choices=people),
        "status_form": StatusForm(initial={"status": thread.status}),
        "reply_form": AdminReplyForm(),
        "note_form": NoteForm(),
        "canned": {str(c.pk): c.body for c in CannedReply.objects.all()},
        "publication": publication,
        "publish_form": PublishForm(
            initial={"section": thread.section_id, "title": thread.subject, "access_level": "members"}
        )
        if publication and publication.state == Publication.State.GIVEN
        else None,
        "history": AuditEntry.objects.filter(target_type="newsroom.thread", target_id=str(thread.pk))
        .select_related("actor")
        .order_by("-created_at")[:50],
    }
    return TemplateResponse(request, "newsroom/admin/thread.html", context)


@require_POST
def thread_action(request, pk, action):
    """Every change from the thread page goes through one service call; the refusal is shown."""
    thread = _thread_for(request, pk)
    user = request.user
    back = redirect("newsroom_admin:thread", pk=thread.pk)
    try:
        if action == "assign":
            form = AssignForm(request.POST, staff_choices=staff_choices())
            if form.is_valid():
                uid = form.cleaned_data["assignee"]
                assignee = get_user_model().objects.get(pk=uid) if uid else None
                services.thread_assign(thread=thread, assignee=assignee, actor=user)
                messages.success(request, _("Assignment saved."))
        elif action == "status":
            form = StatusForm(request.POST)
            if form.is_valid():
                services.thread_set_status(thread=thread, status=form.cleaned_data["status"], actor=user)
                messages.success(request, _("Status saved."))
        elif action == "reply":
            form = AdminReplyForm(request.POST)
            if form.is_valid():
                services.thread_reply(thread=thread, staff=user, body=form.cleaned_data["message"])
                messages.success(request, _("Reply sent."))
            else:
                messages.error(request, _("Write a reply first."))
        elif action == "note":
            form = NoteForm(request.POST)
            if form.is_valid():
                services.thread_note(thread=thread, staff=user, body=form.cleaned_data["note"])
                messages.success(request, _("Note added."))
            else:
                messages.error(request, _("Write a note first."))
        elif action == "confidential":
            services.thread_set_confidential(
                thread=thread, confidential=request.POST.get("confidential") == "1", actor=user
            )
            messages.success(request, _("Saved."))
        elif action == "correction-record":
            services.thread_set_correction_record(
                thread=thread, keep=request.POST.get("keep") == "1", actor=user
            )
            messages.success(request, _("Saved."))
        elif action == "request-publication":
            publishing.publication_request(thread=thread, actor=user)
            messages.success(request, _("We asked the member for their consent."))
        elif action == "publish":
            form = PublishForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("A section, headline, dek and access level are needed."))
                return back
            page = publishing.publication_publish(thread=thread, actor=user, **form.cleaned_data)
            messages.success(request, _("The article is created."))
            return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        else:
            raise Http404
    except NewsroomRefused as refusal:
        messages.error(request, refusal.message)
    return back


def attachment_download(request, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("message__thread"), pk=pk)
    if not services.can_handle(request.user, attachment.message.thread):
        raise PermissionDenied
    signed_url = files.signed_download_url(
        attachment.stored_name, filename=attachment.download_name, content_type=attachment.content_type
    )
    if signed_url:
        # Object storage: a URL valid for minutes, for this staff member only (the response is
        # private), so the file never passes through the app server.
        services.attachment_opened(attachment=attachment, staff=request.user)
        response = HttpResponseRedirect(signed_url)
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "no-referrer"
        return response
    try:
        handle = files.open_stored(attachment.stored_name)  # FileResponse closes it
    except (OSError, ValueError) as missing:
        raise Http404 from missing
    services.attachment_opened(attachment=attachment, staff=request.user)
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.download_name, content_type=attachment.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
