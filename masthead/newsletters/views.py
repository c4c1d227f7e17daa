"""Readers' newsletter pages: signup and confirmation, one-click unsubscribe, the manage page
(no sign-in: the link's token is the key), the archive and web versions, engagement counters,
and the account page panel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from masthead.access.readers import reader_for_request
from masthead.core import ratelimit
from masthead.core.caching import mark_cacheable, public_for_anonymous
from masthead.core.clientip import client_ip
from masthead.core.errors import refusal_to_form
from masthead.members.services import member_language

from . import services
from .errors import NewsletterError
from .forms import ChoicesForm, SignupForm
from .models import Audience, Issue, Newsletter, Subscriber
from .render import TRACK_SALT, delivery_from_track_id, issue_context, variant_for
from .sending import admits

# Signups a visitor may ask for: per IP a minute and per address an hour. Each sends an email,
# so these limits are what keeps the form from being used to mail-bomb someone.
SIGNUP_LIMITS = (("ip", 10, 60), ("email", 3, 3600))
PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def _private(response):
    return mark_cacheable(response, personal=True)


def _within_limit(key, limit, window):
    return ratelimit.hit(key, limit=limit, window=window)


# --- Signup ---------------------------------------------------------------------------------
@csrf_exempt  # the box sits on cached pages that are identical for everyone: no per-visitor token
@require_http_methods(["GET", "POST"])
def signup(request):
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        if form.cleaned_data.get("website"):
            return redirect("newsletters:signup_sent")  # a bot: looks like success, sends nothing
        ip = client_ip(request)
        for kind, limit, window in SIGNUP_LIMITS:
            key = f"nl-signup:{kind}:{ip if kind == 'ip' else email}"
            if not _within_limit(key, limit, window):
                form.add_error(None, _("Too many signups from here just now. Please try again later."))
                break
        else:
            try:
                services.signup_request(
                    email=email, newsletter_ids=[n.pk for n in form.cleaned_data["newsletter"]]
                )
            except NewsletterError as error:
                refusal_to_form(form, error)
            else:
                return redirect("newsletters:signup_sent")
    status = 400 if form.errors else 200
    return _private(render(request, "newsletters/signup.html", {"form": form}, status=status))


@public_for_anonymous
def signup_sent(request):
    return render(request, "newsletters/signup_sent.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button (and presses it with JavaScript); POST subscribes. Link scanners that
    fetch every URL in an email therefore confirm no one."""
    if request.method == "POST":
        try:
            subscriber, newsletters = services.signup_confirm(token=token)
        except NewsletterError as error:
            return _private(render(request, "newsletters/confirm.html", {"error": error.message}, status=400))
        return _private(
            render(
                request,
                "newsletters/confirm.html",
                {"done": True, "subscriber": subscriber, "newsletters": newsletters},
            )
        )
    return _private(render(request, "newsletters/confirm.html", {"token": token}))


# --- Unsubscribe and manage (no sign-in) ----------------------------------------------------
@csrf_exempt  # RFC 8058: mail providers POST "List-Unsubscribe=One-Click" here, with no cookie
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token, slug):
    if request.method == "POST":
        try:
            subscriber, newsletters = services.unsubscribe_by_token(token=token, newsletter_slug=slug)
        except NewsletterError as error:
            return _private(
                render(request, "newsletters/unsubscribe.html", {"error": error.message}, status=400)
            )
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return _private(
                HttpResponse(_("You are unsubscribed."), content_type="text/plain; charset=utf-8")
            )
        return _private(
            render(
                request,
                "newsletters/unsubscribe.html",
                {"done": True, "subscriber": subscriber, "newsletters": newsletters},
            )
        )
    if not Subscriber.objects.filter(token=token).exists():
        return _private(
            render(
                request,
                "newsletters/unsubscribe.html",
                {"error": _("This unsubscribe link is not valid. Use the link in a recent email.")},
                status=404,
            )
        )
    newsletter = Newsletter.objects.filter(slug=slug).first()
    return _private(
        render(
            request, "newsletters/unsubscribe.html", {"token": token, "slug": slug, "newsletter": newsletter}
        )
    )


@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        raise Http404
    offered = Newsletter.objects.filter(active=True)
    if subscriber.user_id is None:
        offered = offered.filter(audience=Audience.EVERYONE)
    # Bound on every POST: unticking everything posts no fields at all.
    form = ChoicesForm(
        request.POST if request.method == "POST" else None,
        initial={"newsletter": list(services.active_newsletter_ids(subscriber))},
    )
    form.fields["newsletter"].queryset = offered
    if request.method == "POST" and form.is_valid():
        chosen = {n.pk for n in form.cleaned_data["newsletter"]}
        for newsletter in offered:
            if newsletter.pk in chosen:
                services.newsletter_subscribe(subscriber=subscriber, newsletter=newsletter, source="manage")
            else:
                services.newsletter_unsubscribe(subscriber=subscriber, newsletter=newsletter)
        messages.success(request, _("Your newsletter choices are saved."))
        return redirect("newsletters:manage", token=token)
    return _private(render(request, "newsletters/manage.html", {"form": form, "subscriber": subscriber}))


# --- Account page ---------------------------------------------------------------------------
def account_panel(request):
    """The newsletters panel on the account page (core.account_sections)."""
    if not request.user.is_authenticated:
        return None
    now = timezone.now()
    subscriber = Subscriber.objects.filter(user=request.user).first()
    chosen = services.active_newsletter_ids(subscriber)
    reader = reader_for_request(request, now)
    language = member_language(request.user) or translation.get_language()
    rows = [
        {"newsletter": n, "chosen": n.pk in chosen, "receiving": admits(n.audience, reader, now)}
        for n in in_language_order(Newsletter.objects.filter(active=True), language)
    ]
    return {"rows": rows}


def in_language_order(newsletters, language):
    """The reader's language's newsletters first, then those in both, then the others (issue 20);
    the newsroom's own order within each."""
    rank = {language: 0, "": 1}
    return sorted(newsletters, key=lambda n: rank.get(n.language, 2))


@login_required
@require_POST
def account_choices(request):
    form = ChoicesForm(request.POST)
    if form.is_valid():
        services.member_set_choices(
            user=request.user, newsletter_ids=[n.pk for n in form.cleaned_data["newsletter"]]
        )
        messages.success(request, _("Your newsletter choices are saved."))
    else:
        messages.error(request, _("Those newsletter choices could not be saved. Please try again."))
    return redirect("members:account")


@login_required
@require_POST
def member_subscribe(request):
    """The signup box for a signed-in member: adds the ticked newsletters (keeps the others)."""
    form = ChoicesForm(request.POST)
    chosen = form.cleaned_data["newsletter"] if form.is_valid() else []
    if chosen:
        subscriber = services.subscriber_for_user(user=request.user)
        for newsletter in chosen:
            services.newsletter_subscribe(subscriber=subscriber, newsletter=newsletter, source="member box")
        messages.success(request, _("Subscribed. You can change your newsletters on your account page."))
    else:
        messages.error(request, _("Choose at least one newsletter."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("members:account")
    return redirect(next_url)


# --- Archive and web versions ---------------------------------------------------------------
@public_for_anonymous
def index(request):
    newsletters = in_language_order(Newsletter.objects.filter(active=True), translation.get_language())
    return render(request, "newsletters/index.html", {"newsletters": newsletters, "form": SignupForm()})


def _may_read(request, newsletter, now):
    return admits(newsletter.audience, reader_for_request(request, now), now)


@public_for_anonymous
def archive(request, slug):
    newsletter = get_object_or_404(Newsletter, slug=slug, active=True)
    now = timezone.now()
    allowed = _may_read(request, newsletter, now)
    issues = (
        newsletter.issues.filter(status=Issue.Status.SENT, in_archive=True).order_by("-finished_at")[:100]
        if allowed
        else []
    )
    return render(
        request,
        "newsletters/archive.html",
        {"newsletter": newsletter, "issues": issues, "allowed": allowed},
        status=200 if allowed else 403,
    )


@public_for_anonymous
def issue(request, slug, pk):
    """The web version: the same issue, with each article as this reader may read it."""
    issue = get_object_or_404(
        Issue.objects.select_related("newsletter"), pk=pk, newsletter__slug=slug, status=Issue.Status.SENT
    )
    now = timezone.now()
    if not _may_read(request, issue.newsletter, now):
        return render(
            request,
            "newsletters/archive.html",
            {"newsletter": issue.newsletter, "allowed": False},
            status=403,
        )
    articles = issue.articles()
    fulls = variant_for(reader_for_request(request, now), articles, now)
    context = issue_context(issue, articles, fulls, email=False, name_html="", name_text="")
    return render(request, "newsletters/issue.html", context)


# --- Engagement -----------------------------------------------------------------------------
def open_pixel(request, track):
    delivery_id = delivery_from_track_id(track)
    if delivery_id is not None:
        services.record_open(delivery_id=delivery_id)
    return _private(HttpResponse(PIXEL, content_type="image/gif"))


def click(request, track):
    url = request.GET.get("u", "")
    signature = request.GET.get("s", "")
    signer = signing.Signer(salt=TRACK_SALT)
    if not url or not signing.constant_time_compare(signer.signature(url), signature):
        raise Http404
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=None) and not url.startswith(
        ("http://", "https://")
    ):
        raise Http404
    delivery_id = delivery_from_track_id(track)
    if delivery_id is not None:
        services.record_click(delivery_id=delivery_id)
    return _private(HttpResponseRedirect(url))
