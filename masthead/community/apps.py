from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "masthead.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self):
        from masthead.members import privacy, sections

        from . import privacy as community_privacy
        from .views import account_panel

        privacy.register(
            "community", export=community_privacy.export_member, erase=community_privacy.erase_member
        )
        sections.register(
            key="community", template="community/account_panel.html", context=account_panel, order=30
        )
