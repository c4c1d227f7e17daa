from django import template
from django.utils.translation import gettext as _

from masthead.community import text, thread_cache
from masthead.community.profiles import profile_url
from masthead.community.threads import thread_context
from masthead.core.caching import page_tags

register = template.Library()


@register.filter
def member_profile_url(user_id):
    """The profile address of member `user_id` (not enumerable: see community.profiles)."""
    return profile_url(user_id)


@register.filter
def excerpt(body_html, length=160):
    """A post's opening as plain text: its rendered (sanitised) HTML, never the Markdown typed."""
    return text.plain(body_html or "", int(length))


@register.filter
def public_name(user):
    """The name a post shows: the member's display name; for staff their byline (author page or
    full name). Never an email address."""
    if user is None:
        return _("Former member")
    profile = getattr(user, "profile", None)
    name = profile.display_name if profile else ""
    if not name and user.is_staff:
        author_page = getattr(user, "author_page", None)
        name = (author_page.title if author_page else "") or user.get_full_name() or _("The newsroom")
    return name or user.get_full_name() or _("A member")


@register.inclusion_tag("community/comments.html", takes_context=True)
def article_comments(context, article):
    """The comment section under an article, for this reader (see threads.thread_context)."""
    request = context["request"]
    # The page shows this thread: the page cache keeps it with the thread's tags (read before
    # the thread is), so a comment makes this article's page stale and no other (core.cachetags).
    page_tags(request, thread_cache.tag(article.pk), thread_cache.ALL)
    return {
        "thread": thread_context(request, article),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
