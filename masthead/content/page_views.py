"""The views the content pages call from their own methods: an article's context and response,
a page of a listing, the author contact form.

Written against the page objects they are given (an article's `section`, `related_listing()`,
`authors`; an author's `render`) and never importing the page models, which call them from
get_context, serve and their routes; views.py offers them under the same names.
"""

from django.contrib import messages
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from masthead.core.caching import (
    Lazy,
    cacheable_for,
    is_preview,
    offer_variant,
    page_tags,
    read_page_number,
    withdraw_variant,
)
from masthead.core.clientip import client_ip

from . import author_contact as author_messages
from . import seo
from .body import split_body, without_break
from .forms import AuthorContactForm
from .gate import gate


def paginate(request, queryset, per_page, *, prepare=None):
    """Paginate a listing; a page number that is not a positive integer or is past the end is a 404.
    `prepare` (e.g. attach_sections) is applied to the page's objects."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    raw = request.GET.get("page", "1")
    read_page_number(request)
    try:
        page = paginator.page(raw)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(_("There is no such page of results.")) from error
    if prepare is not None and (hasattr(page.object_list, "model") or isinstance(page.object_list, list)):
        page.object_list = prepare(page.object_list)
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
        "related": Lazy(lambda: article.related_listing(shared_cache=not is_preview(request))),
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
