from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from masthead.content import gate as content_gate
from masthead.core import privacy


class AccessConfig(AppConfig):
    name = "masthead.access"
    label = "access"
    verbose_name = _("Access")

    def ready(self):
        from . import entitlements, signal_handlers  # noqa: F401
        from . import privacy as access_privacy
        from .gate import AccessGate

        content_gate.register(AccessGate())

        privacy.register("access", export=access_privacy.export_member, erase=access_privacy.erase_member)
