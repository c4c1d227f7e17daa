from django import template

register = template.Library()


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
