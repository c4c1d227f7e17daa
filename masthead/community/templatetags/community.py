from django import template

from masthead.community.profiles import profile_url

register = template.Library()


@register.filter
def member_profile_url(user_id):
    """The profile address of member `user_id` (not enumerable: see community.profiles)."""
    return profile_url(user_id)


@register.inclusion_tag("community/comments.html", takes_context=True)
def article_comments(context, article):
    """The comment section under an article, for this reader (see views.thread_context)."""
    from masthead.community.views import thread_context

    request = context["request"]
    return {
        "thread": thread_context(request, article),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
