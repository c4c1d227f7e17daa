from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "masthead.members"
    label = "members"
    verbose_name = _("Members")

    def ready(self):
        from . import signal_handlers  # noqa: F401
