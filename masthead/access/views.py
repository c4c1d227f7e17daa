"""Reader-facing access pages: the membership page, creating and opening gift links."""

from django.conf import settings as dj_settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from masthead.content.editions import translation_in
from masthead.content.models import ArticlePage
from masthead.content.views import mark_cacheable
from masthead.core.origin import absolute_url

from .errors import AccessRefused
from .models import GiftLink
from .personal import personal_parts as render_parts
from .reading import paywall_settings
from .services import gift_link_create, gift_link_open, reader_key_for


def membership(request):
    """The benefits page. Once billing sells real plans (MASTHEAD_MEMBERSHIP_URL_NAME names its
    pricing page), readers go there: one page with the plans, their prices and what each includes,
    instead of this plan-less list saying plans "open soon"."""
    target = getattr(dj_settings, "MASTHEAD_MEMBERSHIP_URL_NAME", "access:membership")
    if target != "access:membership":
        query = request.META.get("QUERY_STRING", "")
        return redirect(reverse(target) + (f"?{query}" if query else ""))
    settings = paywall_settings(request)
    return render(request, "access/membership.html", {"benefits": settings.benefit_list})


@login_required
@require_POST
def gift_create(request):
    article_id = request.POST.get("article", "")
    if not article_id.isdigit():
        raise Http404
    article = get_object_or_404(ArticlePage.objects.live(), pk=int(article_id))
    settings = paywall_settings(request)
    try:
        link = gift_link_create(article=article, user=request.user, settings=settings)
    except AccessRefused as refusal:
        messages.error(request, refusal.message)
        return redirect(article.get_url(request))
    return redirect("access:gift_created", pk=link.pk)


@login_required
def gift_created(request, pk):
    link = get_object_or_404(GiftLink.objects.select_related("article"), pk=pk, created_by=request.user)
    settings = paywall_settings(request)
    month_start = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    made = GiftLink.objects.filter(created_by=request.user, created_at__gte=month_start).count()
    response = render(
        request,
        "access/gift_created.html",
        {
            "link": link,
            "gift_url": absolute_url(link_path(link)),
            "days": settings.gift_link_days,
            "remaining": max(0, settings.gift_links_per_month - made),
        },
    )
    return mark_cacheable(response, personal=True)


def link_path(link):
    return reverse("access:gift_open", args=[link.token])


def gift_open(request, token, language=None):
    """Read a premium article through a gift link, or see why not (with the preview).

    With `language`, the article's live translation in that edition (404 if there is none): a
    gift pass covers every version of the story (access.policy.access_key)."""
    if not request.session.session_key:
        request.session.save()  # a reader counts once per browser: we need to recognise them
    key = reader_key_for(user=request.user, session_key=request.session.session_key)
    try:
        link, gift = gift_link_open(token=token[:64], reader_key=key, user=request.user)
    except AccessRefused as refusal:
        link = GiftLink.objects.select_related("article").filter(token=token[:64]).first()
        if link is None or not link.article.live:
            response = render(request, "access/gift_invalid.html", {"message": refusal.message}, status=404)
            return mark_cacheable(response, personal=True)
        # Expired, revoked or used up: the article's preview, with the reason above it.
        request.masthead_gift_error = refusal.message
        return _render_article(request, translation_in(link.article, language))
    request.masthead_gift = gift
    request.masthead_gift_token = link.token  # the language switch keeps the gift (content.editions)
    return _render_article(request, translation_in(link.article, language))


def _render_article(request, article):
    response = article.serve(request)
    if hasattr(response, "render"):
        response.render()
    return mark_cacheable(response, personal=True)


@require_GET
def personal_parts(request):
    """The personal slots of a page served from the page cache (access.personal), as JSON."""
    page = request.GET.get("page", "")
    slots = set(request.GET.get("slots", "")[:200].split(","))
    if request.user.is_authenticated:
        path = request.GET.get("path", "")
        parts = render_parts(
            request,
            slots=slots,
            page_id=int(page) if page.isdigit() else None,
            # Where the newsletter box's form returns to: this site's page, never elsewhere.
            next_path=path if path.startswith("/") and not path.startswith("//") else None,
        )
    else:
        parts = {}  # signed out meanwhile: the page's slots keep their fallbacks
    return mark_cacheable(JsonResponse(parts), personal=True)
