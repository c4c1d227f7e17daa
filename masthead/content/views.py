"""Public pages that are not Wagtail pages: tags, the archive, search; and the helpers the pages
share, from page_views.py."""

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404, render
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

from . import selectors
from .editions import edition_locale_id
from .forms import SearchForm
from .models import NewsroomSettings
from .page_views import article_context, author_contact, serve_article  # noqa: F401
from .page_views import paginate as paginate_listing
from .search import search_articles

SEARCH_RESULTS_PER_PAGE = 10


def paginate(request, queryset, per_page=None):
    """Paginate a listing; a page number that is not a positive integer or is past the end is a 404."""
    if per_page is None:
        per_page = site_setting(request, NewsroomSettings).articles_per_page
    return paginate_listing(request, queryset, per_page, prepare=selectors.attach_sections)


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
