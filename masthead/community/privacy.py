"""What the community holds about a member, for export and account deletion.

On deletion a member's posts lose their author (SET_NULL) and their text is erased, so threads
keep their shape ("This comment was deleted") but nothing written by the person remains.
"""

from django.utils import timezone

from masthead.core.cachetags import invalidate_on_change

from . import thread_cache
from .models import CommunityProfile, Post


def export_member(user):
    profile = CommunityProfile.objects.filter(user=user).first()
    return {
        "profile": {
            "headline": profile.headline,
            "public_profile": profile.public_profile,
            "show_posts": profile.show_posts,
            "notify_replies": profile.notify_replies,
            "notify_article_comments": profile.notify_article_comments,
        }
        if profile
        else None,
        "posts": [
            {
                "written": p.created_at.isoformat(),
                "where": p.article.title if p.article_id else p.topic.title,
                "status": p.status,
                "text": p.body,
            }
            for p in Post.objects.filter(author=user)
            .select_related("article", "topic")
            .order_by("created_at")
        ],
    }


def erase_member(user, *, now=None):
    Post.objects.filter(author=user).update(
        status=Post.Status.DELETED, body="", body_html="", edited_at=now or timezone.now()
    )

    # .update() sends no signals: every thread, and every page showing one (core.cachetags).
    invalidate_on_change(thread_cache.ALL)
