"""The community: comments on articles, the members' discussion space, and its moderation.

A **post** is anything a member writes: a comment under an article (`article` set, optionally a
reply to another comment through `parent`) or a message in a topic (`topic` set). One model, so
reports, moderation, rate limits and rendering work the same for both.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class Policy(models.TextChoices):
    OFF = "off", _("Off")
    MEMBERS = "members", _("Signed-in members")
    PAYING = "paying", _("Paying members only")


class BannedPosts(models.TextChoices):
    KEEP = "keep", _("Stay visible")
    HIDE = "hide", _("Are hidden while the ban lasts")


@register_setting(icon="group")
class CommunitySettings(BaseGenericSetting):
    comments = models.CharField(
        _("who may comment on articles"),
        max_length=10,
        choices=Policy.choices,
        default=Policy.MEMBERS,
        help_text=_("Site-wide default; each article may override it (Community › Article comments)."),
    )
    edit_minutes = models.PositiveIntegerField(
        _("edit window (minutes)"), default=15, help_text=_("How long members may edit what they wrote.")
    )
    hold_first_posts = models.BooleanField(
        _("hold first posts for review"),
        default=False,
        help_text=_("A member's first post waits in the moderation queue until a moderator restores it."),
    )
    held_words = models.TextField(
        _("held words"),
        blank=True,
        help_text=_("One word or phrase per line; posts containing one wait for review."),
    )
    posts_per_minute = models.PositiveIntegerField(_("posts per minute, per member"), default=3)
    posts_per_day = models.PositiveIntegerField(_("posts per day, per member"), default=60)
    banned_posts = models.CharField(
        _("posts of banned members"), max_length=10, choices=BannedPosts.choices, default=BannedPosts.KEEP
    )

    class Meta:
        verbose_name = _("community settings")

    def held_word_list(self):
        return [w.strip().lower() for w in self.held_words.splitlines() if w.strip()]


class ArticleCommentSetting(models.Model):
    """Who may comment on one article, overriding the site-wide setting."""

    article = models.OneToOneField(
        "content.ArticlePage",
        on_delete=models.CASCADE,
        related_name="comment_setting",
        verbose_name=_("article"),
    )
    comments = models.CharField(_("who may comment"), max_length=10, choices=Policy.choices)

    class Meta:
        verbose_name = _("article comment setting")

    def __str__(self):
        return f"{self.article}: {self.get_comments_display()}"


class Category(models.Model):
    class Access(models.TextChoices):
        MEMBERS = "members", _("Signed-in members")
        PAYING = "paying", _("Paying members")

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(_("description"), blank=True)
    access = models.CharField(
        _("who may read and post"), max_length=10, choices=Access.choices, default=Access.MEMBERS
    )
    public_read = models.BooleanField(
        _("anyone may read"),
        default=False,
        help_text=_(
            "Visitors who are not signed in may read this category (a signed-in members' category "
            "only); posting still needs an account."
        ),
    )
    staff_only_topics = models.BooleanField(
        _("only staff start topics"),
        default=False,
        help_text=_("For announcements: members may still reply."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    @property
    def readable_by_anyone(self):
        return self.public_read and self.access == self.Access.MEMBERS


class Topic(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="topics")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=150)
    created_at = models.DateTimeField()
    last_activity_at = models.DateTimeField(db_index=True)
    reply_count = models.PositiveIntegerField(default=0)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_announcement = models.BooleanField(_("staff announcement"), default=False)
    # A topic whose first post is held or hidden is not listed (see selectors.visible_topics).
    is_visible = models.BooleanField(default=True)

    class Meta:
        ordering = ["-is_pinned", "-last_activity_at"]
        verbose_name = _("topic")
        indexes = [models.Index(fields=["category", "-is_pinned", "-last_activity_at"], name="topic_listing")]

    def __str__(self):
        return self.title


class Post(models.Model):
    class Status(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HELD = "held", _("Held for review")
        HIDDEN = "hidden", _("Hidden by a moderator")
        DELETED = "deleted", _("Deleted")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="community_posts"
    )
    article = models.ForeignKey(
        "content.ArticlePage", null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="posts")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # What the member typed (Markdown) and its sanitised rendering; only `body_html` is ever shown.
    body = models.TextField(_("text"))
    body_html = models.TextField(editable=False)
    body_hash = models.CharField(max_length=64, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VISIBLE)
    held_reason = models.CharField(_("held because"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("written"), db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    like_count = models.PositiveIntegerField(_("likes"), default=0)
    report_count = models.PositiveIntegerField(_("open reports"), default=0)
    # A comment brought from another platform (e.g. "wordpress"), and the name it was signed with
    # there when its writer has no account here.
    imported_from = models.CharField(_("imported from"), max_length=20, blank=True)
    imported_author = models.CharField(_("imported author name"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("post")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(article__isnull=False, topic__isnull=True)
                    | Q(article__isnull=True, topic__isnull=False)
                ),
                name="post_on_article_or_topic",
            )
        ]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="post_article_thread"),
            models.Index(fields=["topic", "status", "created_at"], name="post_topic_thread"),
            models.Index(fields=["author", "created_at"], name="post_author_recent"),
        ]

    def __str__(self):
        return self.body[:60]

    @property
    def is_comment(self):
        return self.article_id is not None


class Like(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="likes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="like_once")]

    def __str__(self):
        return f"{self.user} likes {self.post_id}"


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Harassment or abuse")
        PREMIUM = "premium", _("Quotes premium articles")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        constraints = [models.UniqueConstraint(fields=["post", "reporter"], name="report_once_per_member")]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.post_id}"


class Ban(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_bans"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(_("until"), null=True, blank=True, help_text=_("Empty: permanent."))
    reason = models.CharField(_("reason"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ban")
        ordering = ["-starts_at"]

    def __str__(self):
        return str(self.user)

    def active(self, now):
        return (
            self.lifted_at is None and self.starts_at <= now and (self.ends_at is None or self.ends_at > now)
        )


def active_bans(now):
    return Ban.objects.filter(lifted_at__isnull=True, starts_at__lte=now).filter(
        Q(ends_at__isnull=True) | Q(ends_at__gt=now)
    )


class CommunityProfile(models.Model):
    """What a member shows in the community, and the notices they want."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_profile"
    )
    headline = models.CharField(
        _("headline"), max_length=80, blank=True, help_text=_('e.g. "Investor, Shenzhen"')
    )
    public_profile = models.BooleanField(_("show my profile page to members"), default=True)
    show_posts = models.BooleanField(_("list my recent posts on my profile"), default=True)
    notify_replies = models.BooleanField(_("email me when someone replies to me"), default=True)
    notify_article_comments = models.BooleanField(
        _("email me about comments on articles I wrote"), default=True
    )

    class Meta:
        verbose_name = _("community profile")

    def __str__(self):
        return str(self.user)


class Notification(models.Model):
    """One notice email per (post, recipient): the task that sends them is safe to run twice."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "recipient"], name="notify_once")]

    def __str__(self):
        return f"{self.kind} {self.post_id} → {self.recipient_id}"
