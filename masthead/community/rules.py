"""Who may read and write where. Access itself is always the access app's answer.

Comments: everyone who may read an article in full may read its comments; who may write them
is the article's comment policy (its own, or the site-wide one). Categories: signed-in members,
or paying members ("is paying" is `Reader.is_paying`, i.e. a premium grant covering now).
"""

from wagtail.models import Site

from masthead.access.models import PaywallSettings
from masthead.access.readers import load_reader
from masthead.access.reading import peek

from .models import ArticleCommentSetting, Category, CommunitySettings, Policy, active_bans


def comment_policy(article, settings=None):
    own = (
        ArticleCommentSetting.objects.filter(article_id=article.pk).values_list("comments", flat=True).first()
    )
    return own or (settings or CommunitySettings.load()).comments


def is_banned(user, now):
    return active_bans(now).filter(user_id=user.pk).exists()


def _lapsed(reader):
    return any(g.level == "premium" for g in reader.grants)


def meter_limit_default():
    site = Site.objects.filter(is_default_site=True).first()
    return PaywallSettings.for_site(site).monthly_free_articles if site else 0


def comment_refusal(*, user, article, now, meter_limit=None, policy=None):
    """None if `user` may comment on `article` now, else a refusal code (errors.MESSAGES)."""
    policy = policy or comment_policy(article)
    if policy == Policy.OFF:
        return "comments_off"
    if user is None or not user.is_authenticated:
        return "sign_in"
    reader = load_reader(user, now)
    if meter_limit is None:
        meter_limit = meter_limit_default()
    # peek, not decision_for_request: writing a comment never spends a metered read.
    if not peek(reader, article, now, meter_limit=meter_limit):
        return "cannot_read"
    if policy == Policy.PAYING and not (reader.is_staff or reader.is_paying(now)):
        return "lapsed" if _lapsed(reader) else "paying_only"
    if not reader.is_staff and is_banned(user, now):
        return "banned"
    return None


def category_refusal(*, user, category, now, reader=None):
    """None if `user` may read and post in `category`, else a refusal code."""
    if user is None or not user.is_authenticated:
        return "sign_in"
    if category.access == Category.Access.PAYING:
        reader = reader or load_reader(user, now)
        if not (reader.is_staff or reader.is_paying(now)):
            return "lapsed" if _lapsed(reader) else "paying_only"
    return None


def category_read_refusal(*, user, category, now, reader=None):
    """None if `user` may read `category` (its open categories need no account), else a refusal."""
    if category.readable_by_anyone:
        return None
    return category_refusal(user=user, category=category, now=now, reader=reader)


def readable_categories(user, now):
    """The categories `user` may open, in order."""
    if user is None or not user.is_authenticated:
        return [c for c in Category.objects.all() if c.readable_by_anyone]
    reader = load_reader(user, now)
    paying = reader.is_staff or reader.is_paying(now)
    return [c for c in Category.objects.all() if paying or c.access != Category.Access.PAYING]
