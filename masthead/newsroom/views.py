"""The reader's side of the newsroom line: write in, read and continue a conversation, consent.

Every page here is personal or carries a form token, so none is marked public (never cached).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from masthead.core.caching import mark_cacheable
from masthead.core.clientip import client_ip
from masthead.core.errors import refusal_to_form

from . import publishing, services
from .errors import NewsroomRefused
from .forms import ConsentForm, MemberMessageForm, PublicMessageForm, ReplyForm
from .models import Kind, Publication, Thread


def _private(response):
    return mark_cacheable(response, personal=True)


@require_http_methods(["GET", "POST"])
def write(request):
    """One page for everyone: paying members get the full form, others the tips-and-corrections one."""
    user = request.user if request.user.is_authenticated else None
    paying = services.is_paying(user)
    data = (request.POST, request.FILES) if request.method == "POST" else ()
    if paying:
        form = MemberMessageForm(*data, initial={"kind": request.GET.get("kind", Kind.QUESTION)})
    else:
        form = PublicMessageForm(*data, signed_in=user is not None)
    if request.method == "POST" and form.is_valid():
        cd = form.cleaned_data
        try:
            thread = services.thread_open(
                kind=cd["kind"],
                subject=cd["subject"],
                body=cd["message"],
                sender=user,
                sender_name=cd.get("name", "") or (user.get_full_name() if user else ""),
                sender_email=cd.get("email", ""),
                confidential=cd.get("confidential", False),
                section=cd.get("section"),
                article_url=cd.get("article_url", ""),
                uploads=cd.get("attachments") or [],
                client_ip=client_ip(request),
                honeypot=cd.get("website", ""),
            )
        except NewsroomRefused as refusal:
            refusal_to_form(form, refusal)
        else:
            if thread is not None and thread.is_conversation:
                messages.success(request, _("Thank you. Your message is in; the newsroom will answer here."))
                return redirect("newsroom:thread", pk=thread.pk)
            messages.success(request, _("Thank you. Your message has reached the newsroom."))
            return redirect("newsroom:write")
    status = 400 if form.errors else 200
    response = render(
        request,
        "newsroom/write.html",
        {
            "form": form,
            "paying": paying,
            "response_days": services._response_days() if paying else None,
            "threads": list(Thread.objects.filter(sender=user).order_by("-updated_at")[:5]) if user else [],
        },
        status=status,
    )
    return _private(response)


def _own_thread(request, pk):
    thread = get_object_or_404(Thread.objects.select_related("section"), pk=pk)
    if thread.sender_id != request.user.pk:
        raise Http404
    return thread


@login_required
@require_http_methods(["GET", "POST"])
def thread(request, pk):
    thread = _own_thread(request, pk)
    can_reply = thread.is_conversation and services.is_paying(request.user)
    form = ReplyForm(request.POST or None, request.FILES or None) if can_reply else None
    if request.method == "POST":
        if form is None:
            messages.error(request, _("Conversations with the newsroom are a benefit of paying membership."))
            return redirect("newsroom:thread", pk=thread.pk)
        if form.is_valid():
            try:
                services.thread_sender_reply(
                    thread=thread, body=form.cleaned_data["message"], uploads=form.cleaned_data["attachments"]
                )
            except NewsroomRefused as refusal:
                refusal_to_form(form, refusal)
            else:
                messages.success(request, _("Your reply is in the conversation."))
                return redirect("newsroom:thread", pk=thread.pk)
    publication = Publication.objects.filter(thread=thread).first()
    response = render(
        request,
        "newsroom/thread.html",
        {
            "thread": thread,
            # The sender sees their messages and ours; internal notes are never loaded here.
            "conversation": thread.messages.prefetch_related("attachments").select_related("staff"),
            "form": form,
            "can_reply": can_reply,
            "publication": publication,
            "consent_form": ConsentForm() if publication and publication.state == "requested" else None,
            "now": timezone.now(),
        },
        status=400 if form is not None and form.errors else 200,
    )
    return _private(response)


@login_required
@require_POST
def consent(request, pk):
    thread = _own_thread(request, pk)
    form = ConsentForm(request.POST)
    if not form.is_valid() or not Publication.objects.filter(thread=thread).exists():
        messages.error(request, _("Choose yes or no."))
        return redirect("newsroom:thread", pk=thread.pk)
    yes = form.cleaned_data["consent"] == "yes"
    publishing.publication_answer(
        thread=thread, user=request.user, consent=yes, show_name=form.cleaned_data["show_name"]
    )
    messages.success(
        request,
        _("Thank you. We will let you know when it is published.")
        if yes
        else _("Understood. We will not publish it."),
    )
    return redirect("newsroom:thread", pk=thread.pk)


def account_panel(request):
    """The newsroom panel on the account page (core.account_sections)."""
    if not request.user.is_authenticated:
        return None
    return {
        "threads": list(Thread.objects.filter(sender=request.user).order_by("-updated_at")[:10]),
        "paying": services.is_paying(request.user),
    }
