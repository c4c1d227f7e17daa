"""Plans, prices and offers appear on the (cached) pricing page and in calls to action on other
pages: the `pricing` tag, and `site` (core.cachetags)."""

from django.db.models.signals import post_delete, post_save

from masthead.core import cachetags

from .models import Offer, Plan, Price

for _signal, _sender in (
    (post_save, Plan),
    (post_save, Price),
    (post_save, Offer),
    (post_delete, Price),
):
    cachetags.on(_signal, cachetags.always(cachetags.SITE, "pricing"), sender=_sender)
