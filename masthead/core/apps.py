from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "masthead.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self):
        from . import checks, signal_handlers  # noqa: F401  (registers checks and receivers)
        from .wagtail_apps import put_off_admin_api_in_hooks

        put_off_admin_api_in_hooks()
