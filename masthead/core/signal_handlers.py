"""Keep Wagtail's site record on the public origin and the publication's name (core.origin,
core.identity), and make pages show a changed identity at once."""

from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from . import identity
from .cachetags import invalidate_on_change
from .models import PublicationSettings


@receiver(post_migrate)
def site_record_follows_site_url(sender, using="default", **kwargs):
    if sender.label != "core":
        return
    from . import origin

    origin.sync_site_record()


@receiver(post_save, sender=PublicationSettings)
def publication_changed(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return  # loaded from a fixture or a serialized test database: related rows may not exist yet
    from wagtail.models import Site

    # The admin's site list and Wagtail's own emails show the site record's name.
    Site.objects.filter(is_default_site=True).exclude(site_name=instance.name).update(site_name=instance.name)
    # The marks' renditions are made now, by the editor's save, not by the first reader's page.
    for image, specs in ((instance.logo, identity.LOGO_SPECS), (instance.favicon, identity.FAVICON_SPECS)):
        if image is not None:
            for spec in specs:
                identity.rendition(image, spec)
    if not created:
        invalidate_on_change()
