from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "masthead.content"
    label = "content"
    verbose_name = _("Content")

    def ready(self):
        from . import signal_handlers  # noqa: F401
