"""Keep cached comment threads (thread_cache) in step with every write that changes them."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import thread_cache
from .models import ArticleCommentSetting, Ban, CommunitySettings, Like, Post


def _bump_later(article_id=None):
    # Now, and again after commit: a thread rebuilt from not-yet-committed data cannot survive.
    thread_cache.bump(article_id)
    transaction.on_commit(lambda: thread_cache.bump(article_id))


@receiver(post_save, sender=Post)
@receiver(post_delete, sender=Post)
@receiver(post_save, sender=ArticleCommentSetting)
@receiver(post_delete, sender=ArticleCommentSetting)
def thread_changed(sender, instance, **kwargs):
    if instance.article_id:
        _bump_later(instance.article_id)


@receiver(post_save, sender=Like)
@receiver(post_delete, sender=Like)
def like_changed(sender, instance, **kwargs):
    article_id = Post.objects.filter(pk=instance.post_id).values_list("article_id", flat=True).first()
    if article_id:
        _bump_later(article_id)


@receiver(post_save, sender=Ban)
@receiver(post_delete, sender=Ban)
@receiver(post_save, sender=CommunitySettings)
def every_thread_changed(sender, created=False, **kwargs):
    if sender is CommunitySettings and created:
        return  # the defaults, made on first read: nothing a reader saw changes
    _bump_later(None)
