"""Every change the community makes: writing, editing, liking, reporting, and moderation.

Each function checks the state, changes it in one transaction, audits what staff do, and queues
emails and page-cache invalidation after commit. Views, the Wagtail admin and tasks all call
these; nothing else writes community rows.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masthead.access.reading import anonymous_decision
from masthead.core import ratelimit
from masthead.core.audit import audit
from masthead.core.cachetags import invalidate_on_change

from . import rules, text, thread_cache
from .errors import CommunityRefused
from .models import Ban, CommunitySettings, Like, Post, Report, Topic
from .notify import notify_hidden
from .tasks import notify_post

DUPLICATE_WINDOW = timedelta(minutes=10)


# --- Writing -------------------------------------------------------------------------------


def _check_rate(user, settings, now):
    """Per-member posts per minute and per day, counted in the shared cache (fixed windows)."""
    stamp = int(now.timestamp())
    keys = [
        (f"community:rate:{user.pk}:m:{stamp // 60}", settings.posts_per_minute, 60, "rate_minute"),
        (f"community:rate:{user.pk}:d:{stamp // 86400}", settings.posts_per_day, 86400, "rate_day"),
    ]
    # Check every window before counting in any: a refused post uses up nothing.
    for key, limit, _ttl, code in keys:
        if limit and ratelimit.used(key) >= limit:
            raise CommunityRefused(code)
    for key, _limit, ttl, _code in keys:
        ratelimit.hit(key, limit=0, window=ttl)


def _hold_reason(user, source, settings):
    if user.is_staff:
        return ""
    lowered = source.lower()
    for word in settings.held_word_list():
        if word in lowered:
            return f"word: {word}"[:200]
    if (
        settings.hold_first_posts
        and not Post.objects.filter(author=user, status=Post.Status.VISIBLE).exists()
    ):
        return "first post"
    return ""


def _shown_to_anonymous(post):
    """Would an anonymous reader (and so the page cache) see this post? Comments on articles
    anonymous readers may read in full; the discussion space is for members only."""
    return post.article_id is not None and anonymous_decision(post.article).full


def _changed(post):
    # The article's page and thread only (its tag, core.cachetags), not every page of the site.
    if _shown_to_anonymous(post):
        invalidate_on_change(thread_cache.tag(post.article_id))


def _prepare(user, body, settings, now):
    source = text.check(body)  # raises BodyError: nothing is stored half-sanitised
    if not user.is_staff:
        digest = text.fingerprint(source)
        if Post.objects.filter(
            author=user, body_hash=digest, created_at__gte=now - DUPLICATE_WINDOW
        ).exists():
            raise CommunityRefused("duplicate")
        _check_rate(user, settings, now)
    return source


def comment_create(*, author, article, body, parent=None, meter_limit=None, now=None):
    """A comment under `article` (a reply when `parent` is a top-level comment there)."""
    now = now or timezone.now()
    settings = CommunitySettings.load()
    refusal = rules.comment_refusal(user=author, article=article, now=now, meter_limit=meter_limit)
    if refusal:
        raise CommunityRefused(refusal)
    if parent is not None:
        if parent.article_id != article.pk or parent.status in (Post.Status.HIDDEN, Post.Status.DELETED):
            raise CommunityRefused("bad_parent")
        # Replies are one level deep: a reply to a reply joins its parent's thread.
        if parent.parent_id:
            parent = parent.parent
    source = _prepare(author, body, settings, now)
    return _create(author=author, article=article, parent=parent, source=source, settings=settings, now=now)


def comment_import(
    *,
    article,
    body_html,
    created_at,
    source,
    author=None,
    author_name="",
    parent_id=None,
    held=False,
    now=None,
):
    """A comment brought from another platform, flagged as imported (the inverse is post_remove).

    Its HTML is cleaned with the members' allow-list, as anything a member writes; no rate limit,
    held words or notices apply: it was written and moderated elsewhere. `held` keeps a comment
    that was awaiting moderation there waiting here.
    """
    now = now or timezone.now()
    parent = Post.objects.filter(pk=parent_id, article=article).first() if parent_id else None
    html = text.clean_html(body_html)
    source_text = text.plain(html, limit=text.MAX_LENGTH * 4) or "…"
    with transaction.atomic():
        post = Post.objects.create(
            author=author,
            article=article,
            parent=parent.parent if parent is not None and parent.parent_id else parent,
            body=source_text,
            body_html=html or "<p>…</p>",
            body_hash=text.fingerprint(source_text),
            status=Post.Status.HELD if held else Post.Status.VISIBLE,
            held_reason="imported, awaiting moderation" if held else "",
            created_at=created_at or now,
            imported_from=source[:20],
            imported_author=(author_name or "")[:100],
        )
        if not held:
            _changed(post)
    return post


def topic_create(*, author, category, title, body, announcement=False, now=None):
    now = now or timezone.now()
    settings = CommunitySettings.load()
    refusal = rules.category_refusal(user=author, category=category, now=now)
    if refusal:
        raise CommunityRefused(refusal)
    if (category.staff_only_topics or announcement) and not author.is_staff:
        raise CommunityRefused("staff_only")
    if not author.is_staff and rules.is_banned(author, now):
        raise CommunityRefused("banned")
    title = " ".join((title or "").split())
    if not title:
        raise text.BodyError(_("Give the topic a title."))
    source = _prepare(author, body, settings, now)
    with transaction.atomic():
        topic = Topic.objects.create(
            category=category,
            author=author,
            title=title[:150],
            created_at=now,
            last_activity_at=now,
            is_announcement=announcement,
        )
        post = _create(author=author, topic=topic, source=source, settings=settings, now=now)
        if post.status != Post.Status.VISIBLE:
            topic.is_visible = False
            topic.save(update_fields=["is_visible"])
    return topic


def topic_reply(*, author, topic, body, now=None):
    now = now or timezone.now()
    settings = CommunitySettings.load()
    refusal = rules.category_refusal(user=author, category=topic.category, now=now)
    if refusal:
        raise CommunityRefused(refusal)
    if topic.is_locked and not author.is_staff:
        raise CommunityRefused("locked")
    if not author.is_staff and rules.is_banned(author, now):
        raise CommunityRefused("banned")
    source = _prepare(author, body, settings, now)
    return _create(author=author, topic=topic, source=source, settings=settings, now=now)


def _create(*, author, source, settings, now, article=None, topic=None, parent=None):
    hold = _hold_reason(author, source, settings)
    with transaction.atomic():
        post = Post.objects.create(
            author=author,
            article=article,
            topic=topic,
            parent=parent,
            body=source,
            body_html=text.render(source),
            body_hash=text.fingerprint(source),
            status=Post.Status.HELD if hold else Post.Status.VISIBLE,
            held_reason=hold,
            created_at=now,
        )
        if hold:
            audit("community.post.held", member=author, target=post, reason=hold, now=now)
        else:
            _published(post, now)
    return post


def _published(post, now):
    """A post has become visible: count it, refresh caches, send notices (after commit)."""
    if post.topic_id and post.topic.posts.filter(created_at__lt=post.created_at).exists():
        Topic.objects.filter(pk=post.topic_id).update(reply_count=F("reply_count") + 1, last_activity_at=now)
    elif post.topic_id:
        Topic.objects.filter(pk=post.topic_id).update(is_visible=True, last_activity_at=now)
    _changed(post)

    transaction.on_commit(lambda: notify_post.enqueue(post.pk))


def post_edit(*, post, user, body, now=None):
    """The author edits within the edit window; the text is checked and sanitised again."""
    now = now or timezone.now()
    settings = CommunitySettings.load()
    if post.author_id != user.pk:
        raise CommunityRefused("not_yours")
    if post.status in (Post.Status.HIDDEN, Post.Status.DELETED):
        raise CommunityRefused("gone")
    if not user.is_staff and now - post.created_at > timedelta(minutes=settings.edit_minutes):
        raise CommunityRefused("edit_window")
    source = text.check(body)
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        post.body, post.body_html, post.body_hash = source, text.render(source), text.fingerprint(source)
        post.edited_at = now
        fields = ["body", "body_html", "body_hash", "edited_at"]
        hold = _hold_reason(user, source, settings) if post.status == Post.Status.VISIBLE else ""
        if hold.startswith("word"):
            post.status, post.held_reason = Post.Status.HELD, hold
            fields += ["status", "held_reason"]
        post.save(update_fields=fields)
        _changed(post)
    return post


def post_delete(*, post, user, now=None):
    """The author deletes their own post: the text goes, the place in the thread stays."""
    if post.author_id != user.pk:
        raise CommunityRefused("not_yours")
    return _erase(post, now=now or timezone.now())


def _erase(post, *, now):
    with transaction.atomic():
        post.status = Post.Status.DELETED
        post.body = post.body_html = ""
        post.edited_at = now
        post.save(update_fields=["status", "body", "body_html", "edited_at"])
        Report.objects.filter(post=post, resolved_at__isnull=True).update(resolved_at=now)
        Post.objects.filter(pk=post.pk).update(report_count=0)
        _changed(post)
    return post


def post_like(*, post, user, now=None):
    """Like (or, called again, unlike) a post. Returns True when it is now liked.

    A like makes the article's thread and its cached page stale (the `comments:<article>` tag,
    through the Like signal handlers), and no other page."""
    if post.author_id == user.pk:
        raise CommunityRefused("own_post")
    if post.status != Post.Status.VISIBLE:
        raise CommunityRefused("gone")
    with transaction.atomic():
        deleted, _ = Like.objects.filter(post=post, user=user).delete()
        if deleted:
            Post.objects.filter(pk=post.pk).update(like_count=F("like_count") - 1)
            return False
        try:
            with transaction.atomic():
                Like.objects.create(post=post, user=user)
        except IntegrityError:  # a double click: already liked
            return True
        Post.objects.filter(pk=post.pk).update(like_count=F("like_count") + 1)
    return True


def post_report(*, post, reporter, reason, note="", now=None):
    """Report a post to the moderators; reporting the same post twice changes nothing."""
    now = now or timezone.now()
    if post.author_id == reporter.pk:
        raise CommunityRefused("own_post")
    if post.status == Post.Status.DELETED:
        raise CommunityRefused("gone")
    try:
        with transaction.atomic():
            report = Report.objects.create(
                post=post, reporter=reporter, reason=reason, note=note[:500], created_at=now
            )
            Post.objects.filter(pk=post.pk).update(report_count=F("report_count") + 1)
            audit(
                "community.post.reported",
                actor=reporter,
                member=post.author,
                target=post,
                reason=reason,
                now=now,
            )
    except IntegrityError:
        return None
    return report


# --- Moderation (staff) --------------------------------------------------------------------
# Paired operations: post_hide ↔ post_restore; member_ban ↔ ban_lift. post_remove is final.


def post_hide(*, post, actor, reason="", now=None):
    now = now or timezone.now()
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        if post.status == Post.Status.DELETED:
            raise CommunityRefused("gone")
        post.status = Post.Status.HIDDEN
        post.report_count = 0
        post.save(update_fields=["status", "report_count"])
        Report.objects.filter(post=post, resolved_at__isnull=True).update(resolved_at=now)
        if post.topic_id and not post.topic.posts.filter(created_at__lt=post.created_at).exists():
            Topic.objects.filter(pk=post.topic_id).update(is_visible=False)
        audit("community.post.hidden", actor=actor, member=post.author, target=post, reason=reason, now=now)
        _changed(post)
        notify_hidden(post=post, reason=reason)
    return post


def post_restore(*, post, actor, now=None):
    """Show a held or hidden post (the inverse of post_hide, and the approval of a held post)."""
    now = now or timezone.now()
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        if post.status not in (Post.Status.HIDDEN, Post.Status.HELD):
            return post
        was_held = post.status == Post.Status.HELD
        post.status, post.held_reason, post.report_count = Post.Status.VISIBLE, "", 0
        post.save(update_fields=["status", "held_reason", "report_count"])
        Report.objects.filter(post=post, resolved_at__isnull=True).update(resolved_at=now)
        audit("community.post.restored", actor=actor, member=post.author, target=post, now=now)
        if was_held:
            _published(post, now)
        else:
            if post.topic_id:
                Topic.objects.filter(pk=post.topic_id).update(is_visible=True)
            _changed(post)
    return post


def post_remove(*, post, actor, reason="", now=None):
    """A moderator deletes a post for good (its text is erased)."""
    now = now or timezone.now()
    with transaction.atomic():
        audit("community.post.deleted", actor=actor, member=post.author, target=post, reason=reason, now=now)
        return _erase(post, now=now)


def member_ban(*, user, actor, reason, ends_at=None, now=None):
    """Stop `user` posting until `ends_at` (None: permanently). Their existing posts follow
    CommunitySettings.banned_posts."""
    now = now or timezone.now()
    with transaction.atomic():
        ban = Ban.objects.create(
            user=user, starts_at=now, ends_at=ends_at, reason=reason[:300], created_by=actor
        )
        audit(
            "community.member.banned",
            actor=actor,
            member=user,
            target=ban,
            reason=reason,
            now=now,
            until=ends_at.isoformat() if ends_at else None,
        )
        invalidate_on_change(thread_cache.ALL)
    return ban


def ban_lift(*, ban, actor, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        ban = Ban.objects.select_for_update().get(pk=ban.pk)
        if ban.lifted_at:
            return ban
        ban.lifted_at = now
        ban.save(update_fields=["lifted_at"])
        audit("community.member.unbanned", actor=actor, member=ban.user, target=ban, now=now)
        invalidate_on_change(thread_cache.ALL)
    return ban


def topic_set_flags(*, topic, actor, pinned=None, locked=None, now=None):
    now = now or timezone.now()
    fields = []
    if pinned is not None and topic.is_pinned != pinned:
        topic.is_pinned = pinned
        fields.append("is_pinned")
    if locked is not None and topic.is_locked != locked:
        topic.is_locked = locked
        fields.append("is_locked")
    if fields:
        with transaction.atomic():
            topic.save(update_fields=fields)
            audit(
                "community.topic.changed",
                actor=actor,
                member=topic.author,
                target=topic,
                now=now,
                pinned=topic.is_pinned,
                locked=topic.is_locked,
            )
    return topic
