"""Writing, moderation and their rules, through the services every page and the admin use."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from masthead.community import services
from masthead.community.errors import CommunityRefused
from masthead.community.models import ArticleCommentSetting, Like, Notification, Post, Report
from masthead.core.models import AuditEntry


@pytest.fixture(autouse=True)
def locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_a_member_comments_and_a_reply_joins_the_thread_one_level_deep(member, payer, public_article):
    first = services.comment_create(author=member, article=public_article, body="First!")
    reply = services.comment_create(author=payer, article=public_article, body="Reply", parent=first)
    deeper = services.comment_create(author=member, article=public_article, body="Deeper", parent=reply)
    assert first.status == Post.Status.VISIBLE and first.body_html == "<p>First!</p>"
    assert reply.parent == first and deeper.parent == first


def test_comment_policy_site_wide_and_per_article(member, payer, public_article, settings_obj):
    settings_obj.comments = "paying"
    settings_obj.save()
    with pytest.raises(CommunityRefused) as refused:
        services.comment_create(author=member, article=public_article, body="hi")
    assert refused.value.code == "paying_only"
    services.comment_create(author=payer, article=public_article, body="hi from a payer")
    ArticleCommentSetting.objects.create(article=public_article, comments="off")
    with pytest.raises(CommunityRefused) as refused:
        services.comment_create(author=payer, article=public_article, body="again")
    assert refused.value.code == "comments_off"


def test_a_reader_who_only_sees_the_preview_cannot_comment(member, payer, premium_article):
    with pytest.raises(CommunityRefused) as refused:
        services.comment_create(
            author=member, article=premium_article, body="I have not read it", meter_limit=0
        )
    assert refused.value.code == "cannot_read"
    assert services.comment_create(author=payer, article=premium_article, body="I have").pk


def test_a_lapsed_member_is_told_their_membership_lapsed(member, public_article, settings_obj):
    from masthead.access.services import grant_create

    now = timezone.now()
    grant_create(
        user=member,
        level="premium",
        source="subscription",
        starts_at=now - timedelta(days=40),
        ends_at=now - timedelta(days=10),
    )
    settings_obj.comments = "paying"
    settings_obj.save()
    with pytest.raises(CommunityRefused) as refused:
        services.comment_create(author=member, article=public_article, body="hello")
    assert refused.value.code == "lapsed"


def test_rate_limit_per_minute_and_duplicates(member, public_article, settings_obj):
    settings_obj.posts_per_minute = 2
    settings_obj.save()
    services.comment_create(author=member, article=public_article, body="one")
    with pytest.raises(CommunityRefused) as refused:
        services.comment_create(author=member, article=public_article, body="ONE ")
    assert refused.value.code == "duplicate"
    services.comment_create(author=member, article=public_article, body="two")
    with pytest.raises(CommunityRefused) as refused:
        services.comment_create(author=member, article=public_article, body="three")
    assert refused.value.code == "rate_minute"
    later = timezone.now() + timedelta(minutes=2)
    assert services.comment_create(author=member, article=public_article, body="three", now=later).pk


def test_first_posts_and_held_words_wait_for_review(member, payer, public_article, settings_obj, staff_user):
    settings_obj.hold_first_posts = True
    settings_obj.held_words = "crypto giveaway\n"
    settings_obj.save()
    first = services.comment_create(author=member, article=public_article, body="Hello all")
    assert first.status == Post.Status.HELD and first.held_reason == "first post"
    services.post_restore(post=first, actor=staff_user)
    second = services.comment_create(author=member, article=public_article, body="Still here")
    assert second.status == Post.Status.VISIBLE
    spam = services.comment_create(author=member, article=public_article, body="Free CRYPTO Giveaway now")
    assert spam.status == Post.Status.HELD and "crypto giveaway" in spam.held_reason


def test_edit_within_the_window_only_and_delete_own(member, payer, public_article, settings_obj):
    post = services.comment_create(author=member, article=public_article, body="tpyo")
    services.post_edit(post=post, user=member, body="typo")
    post.refresh_from_db()
    assert post.body == "typo" and post.edited_at
    with pytest.raises(CommunityRefused):
        services.post_edit(post=post, user=payer, body="mine now")
    with pytest.raises(CommunityRefused) as refused:
        services.post_edit(post=post, user=member, body="late", now=timezone.now() + timedelta(minutes=16))
    assert refused.value.code == "edit_window"
    services.post_delete(post=post, user=member)
    post.refresh_from_db()
    assert post.status == Post.Status.DELETED and post.body == "" and post.body_html == ""


def test_likes_toggle_and_count_once(member, payer, public_article):
    post = services.comment_create(author=member, article=public_article, body="like me")
    assert services.post_like(post=post, user=payer) is True
    assert services.post_like(post=post, user=payer) is False
    assert services.post_like(post=post, user=payer) is True
    post.refresh_from_db()
    assert post.like_count == 1 == Like.objects.filter(post=post).count()
    with pytest.raises(CommunityRefused):
        services.post_like(post=post, user=member)


def test_report_once_then_moderator_hides_and_restores_audited(member, payer, public_article, staff_user):
    post = services.comment_create(author=member, article=public_article, body="questionable")
    assert services.post_report(post=post, reporter=payer, reason="abuse", note="rude")
    assert services.post_report(post=post, reporter=payer, reason="spam") is None  # twice: no change
    post.refresh_from_db()
    assert post.report_count == 1
    services.post_hide(post=post, actor=staff_user, reason="rude")
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN and post.report_count == 0
    assert Report.objects.get(post=post).resolved_at is not None
    services.post_restore(post=post, actor=staff_user)
    codes = list(AuditEntry.objects.filter(target_id=str(post.pk)).values_list("code", flat=True))
    assert {"community.post.reported", "community.post.hidden", "community.post.restored"} <= set(codes)


def test_banned_members_cannot_post_and_their_posts_follow_the_policy(
    member, payer, public_article, staff_user, settings_obj
):
    from masthead.community.selectors import comment_thread

    post = services.comment_create(author=member, article=public_article, body="before the ban")
    ban = services.member_ban(
        user=member, actor=staff_user, reason="abuse", ends_at=timezone.now() + timedelta(days=3)
    )
    with pytest.raises(CommunityRefused) as refused:
        services.comment_create(author=member, article=public_article, body="after")
    assert refused.value.code == "banned"
    now = timezone.now()
    top, _ = comment_thread(public_article, user=payer, now=now)
    assert post in top  # "keep" is the default
    settings_obj.banned_posts = "hide"
    settings_obj.save()
    top, _ = comment_thread(public_article, user=payer, now=now)
    assert post not in top
    # A temporary ban ends by itself; a lifted ban ends at once.
    assert services.comment_create(
        author=member, article=public_article, body="back", now=now + timedelta(days=4)
    )
    services.ban_lift(ban=ban, actor=staff_user)
    assert AuditEntry.objects.filter(code="community.member.unbanned", member=member).exists()


def test_a_reply_notifies_the_comment_author_once_and_opt_out_is_respected(
    member, payer, payer2, premium_article, django_capture_on_commit_callbacks
):
    from masthead.community.models import CommunityProfile
    from masthead.community.notify import notify_post

    with django_capture_on_commit_callbacks(execute=True):
        first = services.comment_create(author=payer, article=premium_article, body="Great piece")
        reply = services.comment_create(
            author=payer2, article=premium_article, body="Agreed, *really*", parent=first
        )
    replies = [m for m in mail.outbox if m.to == [payer.email]]
    assert len(replies) == 1 and "Peter replied to you" in replies[0].subject
    assert "Agreed" in replies[0].body
    with django_capture_on_commit_callbacks(execute=True):
        notify_post(post_id=reply.pk)  # a retry sends nothing twice
    assert len([m for m in mail.outbox if m.to == [payer.email]]) == 1
    CommunityProfile.objects.create(user=payer, notify_replies=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_create(author=payer2, article=premium_article, body="Another", parent=first)
    assert len([m for m in mail.outbox if m.to == [payer.email]]) == 1
    assert Notification.objects.filter(recipient=payer).count() == 1


def test_a_lapsed_recipient_gets_the_notice_without_the_premium_quote(
    payer, payer2, premium_article, django_capture_on_commit_callbacks
):
    from masthead.access.models import Grant

    with django_capture_on_commit_callbacks(execute=True):
        first = services.comment_create(author=payer, article=premium_article, body="Great piece")
        now = timezone.now()
        Grant.objects.filter(user=payer).update(
            starts_at=now - timedelta(days=30), ends_at=now - timedelta(minutes=1)
        )
        services.comment_create(
            author=payer2, article=premium_article, body="Quoting the SECRETPARAGRAPH", parent=first
        )
    (notice,) = [m for m in mail.outbox if m.to == [payer.email]]
    assert "SECRETPARAGRAPH" not in notice.body
    assert all("SECRETPARAGRAPH" not in content for content, _ in notice.alternatives)


def test_article_authors_hear_about_comments(
    member, public_article, django_user_model, django_capture_on_commit_callbacks
):
    from tests.community.conftest import make_member

    writer = make_member(django_user_model, "cwriter", staff=True)
    author = public_article.authors[0]
    author.user = writer
    author.save(update_fields=["user"])
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_create(author=member, article=public_article, body="Nice reporting")
    assert [m.subject for m in mail.outbox if m.to == [writer.email]] == [
        f"New comment on “{public_article.title}”"
    ]


def test_topics_in_paying_categories_and_locked_topics(member, payer, investors, founders, staff_user):
    with pytest.raises(CommunityRefused) as refused:
        services.topic_create(author=member, category=investors, title="Deals", body="hello")
    assert refused.value.code == "paying_only"
    topic = services.topic_create(
        author=payer, category=investors, title="Series A in 2025", body="Thoughts?"
    )
    assert topic.is_visible and topic.posts.count() == 1
    services.topic_set_flags(topic=topic, actor=staff_user, locked=True, pinned=True)
    with pytest.raises(CommunityRefused) as refused:
        services.topic_reply(author=payer, topic=topic, body="one more")
    assert refused.value.code == "locked"
    assert services.topic_reply(author=staff_user, topic=topic, body="Closing this.").pk
    with pytest.raises(CommunityRefused) as refused:
        services.topic_create(author=member, category=founders, title="x", body="y", announcement=True)
    assert refused.value.code == "staff_only"


def test_a_visible_comment_on_a_public_article_invalidates_its_page_and_no_other(
    member, public_article, premium_article, payer
):
    from masthead.core import cachetags

    tags = [f"comments:{public_article.pk}", f"comments:{premium_article.pk}", cachetags.SITE]
    before = cachetags.versions(tags)
    services.comment_create(author=member, article=public_article, body="changes the cached page")
    after = cachetags.versions(tags)
    # Its article's tag changes (its cached page and thread); not every page of the site.
    assert after[tags[0]] != before[tags[0]]
    assert after[tags[1]] == before[tags[1]] and after[cachetags.SITE] == before[cachetags.SITE]
    services.comment_create(author=payer, article=premium_article, body="anonymous readers never see this")
    assert cachetags.versions([cachetags.SITE]) == {cachetags.SITE: before[cachetags.SITE]}


def test_a_hidden_post_tells_its_author_why_once(
    staff_user, member, public_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = services.comment_create(author=member, article=public_article, body="You are all idiots.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_hide(post=post, actor=staff_user, reason="Personal attacks are not allowed here.")
        services.post_hide(post=post, actor=staff_user, reason="Personal attacks are not allowed here.")
    told = [m for m in mail.outbox if m.to == [post.author.email]]
    assert len(told) == 1
    assert "Personal attacks are not allowed here." in told[0].body
    assert "hidden by a moderator" in told[0].subject
