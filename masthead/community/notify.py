"""Notice emails about new posts: a reply to your comment or topic, a comment on your article.

Each (post, recipient) is recorded once (Notification's unique key) before its email is queued,
so running `notify_post` twice sends nothing twice. A notice quotes the post only when the
recipient may read where it was written now: a comment on a premium article may quote premium
text, and a lapsed member must not receive that by email.
"""

from django.conf import settings as dj_settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from masthead.access.readers import load_reader
from masthead.access.reading import peek
from masthead.core.mail import send_on_commit
from masthead.members.services import public_name

from . import rules, text
from .models import CommunityProfile, Notification, Post


def _recipients(post):
    """[(user, kind)] who should hear about `post`, each once, never its author."""
    found = []
    if post.parent_id and post.parent.author_id:
        found.append((post.parent.author, "reply"))
    if post.topic_id and post.topic.author_id:
        first = post.topic.posts.order_by("created_at").values_list("pk", flat=True).first()
        if first != post.pk:
            found.append((post.topic.author, "reply"))
    if post.article_id:
        for author in post.article.specific.authors:
            if author.user_id:
                found.append((author.user, "article"))
    seen, result = {post.author_id}, []
    for user, kind in found:
        if user.pk not in seen and user.is_active and user.email:
            seen.add(user.pk)
            result.append((user, kind))
    return result


def _wants(user, kind):
    profile = CommunityProfile.objects.filter(user=user).first()
    if profile is None:
        return True
    return profile.notify_replies if kind == "reply" else profile.notify_article_comments


def _may_read(user, post, now):
    if post.article_id:
        return peek(
            load_reader(user, now), post.article.specific, now, meter_limit=rules.meter_limit_default()
        )
    return rules.category_refusal(user=user, category=post.topic.category, now=now) is None


def notify_hidden(*, post, reason):
    """Tell a post's author that a moderator hid it, and why (once per post: Notification's key)."""
    author = post.author
    if author is None or not author.email:
        return 0
    try:
        with transaction.atomic():
            Notification.objects.create(post=post, recipient=author, kind="hidden")
    except IntegrityError:
        return 0  # already told (a double click, a retry)
    if post.article_id:
        where, url = post.article.title, post.article.specific.full_url + "#comments"
    else:
        where, url = post.topic.title, dj_settings.SITE_URL + f"/community/t/{post.topic_id}/"
    send_on_commit(
        "community/emails/hidden",
        to=author.email,
        context={
            "where": where,
            "url": url,
            "reason": reason,
            "quote_text": text.plain(post.body_html, 500),
            "appeal_url": dj_settings.SITE_URL + reverse("newsroom:write"),
        },
    )
    return 1


def notify_post(*, post_id, now=None):
    now = now or timezone.now()
    post = (
        Post.objects.select_related("author", "parent__author", "topic__author", "topic__category")
        .filter(pk=post_id, status=Post.Status.VISIBLE)
        .first()
    )
    if post is None:
        return 0
    if post.article_id:
        where, url = post.article.title, post.article.specific.full_url + f"#post-{post.pk}"
    else:
        where, url = post.topic.title, dj_settings.SITE_URL + f"/community/t/{post.topic_id}/#post-{post.pk}"

    sent = 0
    for user, kind in _recipients(post):
        if not _wants(user, kind):
            continue
        try:
            with transaction.atomic():
                Notification.objects.create(post=post, recipient=user, kind=kind)
                readable = _may_read(user, post, now)
                send_on_commit(
                    f"community/emails/{kind}",
                    to=user.email,
                    context={
                        "post": post,
                        "author_name": public_name(post.author) if post.author else "",
                        "where": where,
                        "url": url,
                        # Sanitised HTML, and only for a recipient who may read it.
                        "quote_html": post.body_html if readable else "",
                        "quote_text": text.plain(post.body_html, 1000) if readable else "",
                        "settings_url": dj_settings.SITE_URL + "/community/profile/",
                    },
                )
                sent += 1
        except IntegrityError:
            continue  # already notified
    return sent
