from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from masthead.core import account_sections, demo, privacy


class CommunityConfig(AppConfig):
    name = "masthead.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self):

        from . import privacy as community_privacy
        from . import signal_handlers  # noqa: F401
        from .views import account_panel

        privacy.register(
            "community", export=community_privacy.export_member, erase=community_privacy.erase_member
        )
        account_sections.register(
            key="community", template="community/account_panel.html", context=account_panel, order=30
        )
        demo.register("community", "masthead.community.demo.load_demo", order=40)
