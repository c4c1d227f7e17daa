from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "masthead.access"
    label = "access"
    verbose_name = _("Access")

    def ready(self):
        from masthead.members import privacy

        from . import entitlements, signal_handlers  # noqa: F401
        from . import privacy as access_privacy

        privacy.register("access", export=access_privacy.export_member, erase=access_privacy.erase_member)
