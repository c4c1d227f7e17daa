"""Reads for community pages, each a fixed number of queries however long the thread."""

from django.db.models import Exists, OuterRef, Q

from . import thread_cache
from .models import BannedPosts, CommunitySettings, Like, Post, Topic, active_bans

ORDERS = {"oldest": "created_at", "newest": "-created_at", "top": "-like_count"}


def _shown(queryset, *, user, now, settings):
    """Visible posts, deleted ones (as placeholders), and the viewer's own held posts."""
    mine = (
        Q(status=Post.Status.HELD, author_id=user.pk)
        if user is not None and user.is_authenticated
        else Q(pk=None)
    )
    queryset = queryset.filter(Q(status__in=[Post.Status.VISIBLE, Post.Status.DELETED]) | mine)
    if settings.banned_posts == BannedPosts.HIDE:
        queryset = queryset.exclude(Exists(active_bans(now).filter(user_id=OuterRef("author_id"))))
    return queryset


def _shown_with_held(queryset, *, now, settings):
    """What `_shown` returns for any viewer, plus every held post (filtered per viewer later)."""
    queryset = queryset.filter(status__in=[Post.Status.VISIBLE, Post.Status.DELETED, Post.Status.HELD])
    if settings.banned_posts == BannedPosts.HIDE:
        queryset = queryset.exclude(Exists(active_bans(now).filter(user_id=OuterRef("author_id"))))
    return queryset


def _with_people(queryset):
    return queryset.select_related("author", "author__profile", "author__community_profile")


def liked_ids(user, post_ids):
    if user is None or not user.is_authenticated or not post_ids:
        return set()
    return set(Like.objects.filter(user=user, post_id__in=post_ids).values_list("post_id", flat=True))


def comment_thread(article, *, user, now, order="oldest", settings=None, shared_cache=True):
    """Top-level comments in `order`, each with `.thread` (its replies, oldest first).

    The posts with their authors come from thread_cache (one query when the article's thread
    changed, none otherwise); one more query for the viewer's likes, whatever the thread's size.
    A deleted comment is kept as a placeholder only while it has replies to hold together.
    A Wagtail preview passes `shared_cache=False`: it reads the posts without the cache.
    """
    settings = settings or CommunitySettings.load()
    order_by = ORDERS.get(order, "created_at")

    def build():
        # Everyone's posts, held ones included: the viewer's own held posts are picked per request.
        queryset = _shown_with_held(Post.objects.filter(article_id=article.pk), now=now, settings=settings)
        return list(_with_people(queryset).order_by(order_by, "pk"))

    user_id = user.pk if user is not None and user.is_authenticated else None
    posts = [
        post
        for post in (
            thread_cache.get_or_build(article.pk, f"{order_by}:{settings.banned_posts}", build)
            if shared_cache
            else build()
        )
        if post.status != Post.Status.HELD or (user_id is not None and post.author_id == user_id)
    ]
    replies = {}
    for post in sorted(posts, key=lambda p: (p.created_at, p.pk)):
        if post.parent_id:
            replies.setdefault(post.parent_id, []).append(post)
    top = []
    for post in posts:
        if post.parent_id:
            continue
        post.thread = [r for r in replies.get(post.pk, []) if r.status != Post.Status.DELETED]
        if post.status == Post.Status.DELETED and not post.thread:
            continue
        top.append(post)
    liked = liked_ids(user, [p.pk for p in posts])
    for post in posts:
        post.liked = post.pk in liked
    count = sum(1 for p in posts if p.status == Post.Status.VISIBLE)
    return top, count


def topic_posts(topic, *, user, now, settings=None):
    settings = settings or CommunitySettings.load()
    posts = list(
        _with_people(_shown(topic.posts.all(), user=user, now=now, settings=settings)).order_by(
            "created_at", "pk"
        )
    )
    liked = liked_ids(user, [p.pk for p in posts])
    for post in posts:
        post.liked = post.pk in liked
    return posts


def visible_topics(categories):
    return Topic.objects.filter(category__in=categories, is_visible=True).select_related(
        "category", "author", "author__profile"
    )


def latest_posts(categories, *, now, limit=30, settings=None):
    """The latest activity: newest visible posts in the given categories."""
    settings = settings or CommunitySettings.load()
    queryset = _shown(
        Post.objects.filter(
            topic__category__in=categories, topic__is_visible=True, status=Post.Status.VISIBLE
        ),
        user=None,
        now=now,
        settings=settings,
    )
    return list(
        _with_people(queryset).select_related("topic", "topic__category").order_by("-created_at")[:limit]
    )


def search(categories, query, *, limit=50):
    """Topics and posts in the given categories whose title or text contains every word."""
    words = query.split()[:8]
    if not words:
        return []
    condition = Q()
    for word in words:
        condition &= Q(body__icontains=word) | Q(topic__title__icontains=word)
    return list(
        _with_people(
            Post.objects.filter(
                condition,
                topic__category__in=categories,
                topic__is_visible=True,
                status=Post.Status.VISIBLE,
            )
        )
        .select_related("topic", "topic__category")
        .order_by("-created_at")[:limit]
    )


def member_recent_posts(member, categories, *, limit=20):
    """A member's recent posts in the discussion space, where the viewer may read."""
    return list(
        Post.objects.filter(
            author=member, topic__category__in=categories, topic__is_visible=True, status=Post.Status.VISIBLE
        )
        .select_related("topic", "topic__category")
        .order_by("-created_at")[:limit]
    )
