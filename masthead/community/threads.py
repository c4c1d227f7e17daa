"""The comment section under an article, as one reader sees it (thread_context).

Its own module because two callers need it: the `{% article_comments %}` tag renders it under
every article, and views.py answers with it after a post. Neither imports the other.
"""

from datetime import timedelta

from django.conf import settings as dj_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from masthead.access.reading import decision_for_request, paywall_settings
from masthead.core.caching import is_preview

from . import rules, selectors
from .errors import MESSAGES
from .forms import PostForm
from .models import CommunitySettings, Policy, Post


def _membership_url():
    return reverse(dj_settings.MASTHEAD_MEMBERSHIP_URL_NAME)


def _sign_in_url(next_url):
    return f"{reverse(dj_settings.LOGIN_URL)}?next={next_url}"


def thread_context(request, article):
    """What the comment section shows this reader: nothing unless they may read the article."""
    # Already decided (and cached on the request) by the article page, with the same gift.
    decision = decision_for_request(request, article, gift=getattr(request, "masthead_gift", None))
    if not decision.full:
        # Preview readers see no comments: they could quote the premium text.
        return None
    now = timezone.now()
    settings = CommunitySettings.load(request_or_site=request)
    policy = rules.comment_policy(article, settings)
    order = request.GET.get("comments")
    order = order if order in selectors.ORDERS else "oldest"
    top, count = selectors.comment_thread(
        article,
        user=request.user,
        now=now,
        order=order,
        settings=settings,
        shared_cache=not is_preview(request),
    )
    if policy == Policy.OFF and not count:
        return None
    refusal = rules.comment_refusal(
        user=request.user,
        article=article,
        now=now,
        meter_limit=paywall_settings(request).monthly_free_articles,
        policy=policy,
    )
    author_ids = {a.user_id for a in article.authors if a.user_id}
    window = timedelta(minutes=settings.edit_minutes)
    user_id = request.user.pk if request.user.is_authenticated else None
    for post in top:
        for item in [post, *post.thread]:
            item.by_article_author = item.author_id in author_ids
            item.mine = user_id is not None and item.author_id == user_id
            item.can_edit = (
                item.mine and item.status == Post.Status.VISIBLE and now - item.created_at <= window
            )
    return {
        "article": article,
        "comments": top,
        "count": count,
        "order": order,
        "orders": [("oldest", _("Oldest")), ("newest", _("Newest")), ("top", _("Top"))],
        "refusal": refusal,
        "refusal_message": rules_message(refusal),
        "form": PostForm(),
        "membership_url": _membership_url(),
        "sign_in_url": _sign_in_url(article.url + "#comments"),
        "user": request.user,
    }


def rules_message(code):
    return MESSAGES.get(code) if code else None
