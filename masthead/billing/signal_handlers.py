"""Plans, prices and offers appear on the (cached) pricing page: drop cached pages when they change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from masthead.core.pagecache import invalidate_on_change

from .models import Offer, Plan, Price


@receiver(post_save, sender=Plan)
@receiver(post_save, sender=Price)
@receiver(post_save, sender=Offer)
@receiver(post_delete, sender=Price)
def invalidate_pages(sender, **kwargs):
    invalidate_on_change()
