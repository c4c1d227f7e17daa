"""Public pages that are not Wagtail pages: tags, the archive, search; and helpers the pages share."""

import datetime

from django.contrib import messages
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from taggit.models import Tag

from masthead.core.caching import (  # noqa: F401
    Lazy,
    cacheable_for,
    is_anonymous_request,
    is_preview,
    mark_cacheable,
    offer_variant,
    page_tags,
    public_for_anonymous,
    read_page_number,
    read_param,
    site_setting,
    withdraw_variant,
)
from masthead.core.clientip import client_ip

from . import author_contact as author_messages
from . import selectors, seo
from .body import split_body, without_break
from .editions import edition_locale_id
from .forms import AuthorContactForm, SearchForm
from .gate import gate
from .models import NewsroomSettings
from .search import search_articles

SEARCH_RESULTS_PER_PAGE = 10


def paginate(request, queryset, per_page=None):
    """Paginate a listing; a page number that is not a positive integer or is past the end is a 404."""
    if per_page is None:
        per_page = site_setting(request, NewsroomSettings).articles_per_page

    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    raw = request.GET.get("page", "1")
    read_page_number(request)
    try:
        page = paginator.page(raw)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(_("There is no such page of results.")) from error
    if hasattr(page.object_list, "model") or isinstance(page.object_list, list):
        page.object_list = selectors.attach_sections(page.object_list)
    return page


def article_context(request, article):
    """Everything the article template needs, with the body cut where this reader's access ends.

    Values behind cached fragments (body blocks, related articles, tags, structured data) are
    Lazy: on a fragment hit their queries never run. A gift page sets request.masthead_gift
    (a validated GiftPass) before rendering.
    """
    # Besides `site` (publishing anything), the cached page depends on this article's own tag.
    page_tags(request, f"article:{article.pk}")
    gift = getattr(request, "masthead_gift", None)
    decision = gate().decision_for_request(request, article, gift=gift)
    public = article.effective_access_level == "public"
    # Full text by the reader's variant alone (public, paying, a members' article) is the same
    # page for the whole variant; a metered read, a gift or a preview (whose call to action
    # depends on the member's history) is rendered per request and never kept.
    offer_variant(request)
    if (
        not gate().same_page_for_variant(decision)
        or gift is not None
        or getattr(request, "masthead_gift_error", None)
    ):
        withdraw_variant(request)

    def body_parts():
        if public:
            return without_break(article.body), []
        preview, rest = split_body(article.body)
        # Premium text is never sent to a reader who may not read it: the template gets none.
        return preview, (rest if decision.full else [])

    parts = Lazy(body_parts)
    tags = Lazy(lambda: list(article.tags.all()))
    # The paywall prompt, meter notice and `can_gift` come from the access app (content.gate).
    reader_context = gate().reader_context(request, article, decision, public=public)
    return {
        "gift_notice": _("You are reading this article through a gift link from a member.")
        if decision.reason == "gift"
        else None,
        "gift_error": getattr(request, "masthead_gift_error", None),
        "section": article.section,
        "decision": decision,
        "body_variant": "full" if decision.full else "preview",
        "preview_blocks": Lazy(lambda: parts()[0]),
        "paywalled_blocks": Lazy(lambda: parts()[1]),
        **reader_context,
        "authors": Lazy(lambda: article.authors),
        "related": Lazy(
            lambda: selectors.attach_sections(
                selectors.related_articles(article, shared_cache=not is_preview(request))
            )
        ),
        "tags": tags,
        "json_ld": Lazy(lambda: seo.article_json_ld(request, article, free=public, tags=tags())),
    }


def serve_article(article, request, serve, *args, **kwargs):
    """Serve an article with the cache headers its access decision allows.

    Anonymous readers all get the same bytes (the preview, or a public article), so those
    responses may be shared by caches. Anything rendered for a person — a member, a gift
    reader — is private and never stored.
    """
    return cacheable_for(request, serve(request, *args, **kwargs))


@public_for_anonymous
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = paginate(request, selectors.articles_tagged(tag, edition_locale_id(request)))
    return render(request, "content/tag_page.html", {"tag": tag, "articles": articles})


@public_for_anonymous
def tag_index(request):
    tags = selectors.tags_in_use(edition_locale_id(request))
    return render(request, "content/tag_index.html", {"tags": tags})


@public_for_anonymous
def archive_index(request):
    years = selectors.archive_months(edition_locale_id(request))
    return render(request, "content/archive_index.html", {"years": years})


@public_for_anonymous
def archive_period(request, year, month=None):
    if not (1990 <= year <= 2999) or (month is not None and not 1 <= month <= 12):
        raise Http404(_("There is no archive for that date."))
    locale_id = edition_locale_id(request)
    articles = paginate(request, selectors.articles_in_month(year, month, locale_id))
    if not articles.paginator.count:
        raise Http404(_("Nothing was published then."))
    period = datetime.date(year, month or 1, 1)
    return render(
        request,
        "content/archive_period.html",
        {
            "articles": articles,
            "year": year,
            "month": month,
            "period": period,
            "years": selectors.archive_months(locale_id),
        },
    )


@public_for_anonymous
def search(request):
    # Snippets show what the reader's variant may read without spending anything (access.peek).
    offer_variant(request)
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": "", "results": None}
    status = 200
    if request.GET:
        if form.is_valid():
            query = form.cleaned_data["q"]
            context["query"] = query
            read_param(request, "q", query)

            results = search_articles(query, locale_id=edition_locale_id(request))
            context["results"] = paginate(request, results, per_page=SEARCH_RESULTS_PER_PAGE)
        else:
            status = 400
    return render(request, "content/search.html", context, status=status)


def author_contact(request, author):
    form = AuthorContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The message lands in the newsroom inbox, assigned to this author (the newsroom app's
        # handler, registered with content.author_contact).
        refusal = author_messages.send(
            author=author,
            sender=request.user if request.user.is_authenticated else None,
            sender_name=form.cleaned_data["name"],
            sender_email=form.cleaned_data["email"],
            body=form.cleaned_data["message"],
            client_ip=client_ip(request),
            honeypot=form.cleaned_data.get("website", ""),
        )
        if refusal is not None:
            form.add_error(None, refusal)
        else:
            messages.success(
                request, _("Thank you. Your message is on its way to %(name)s.") % {"name": author.title}
            )
            return redirect(author.url)
    response = author.render(
        request, template="content/author_contact.html", context_overrides={"form": form}
    )
    if form.errors:
        response.status_code = 400
    return response
