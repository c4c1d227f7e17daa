from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "masthead.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom line")

    def ready(self):
        from anymail.signals import inbound

        from masthead.members import privacy, sections

        from . import privacy as newsroom_privacy
        from .inbound import on_inbound
        from .views import account_panel

        inbound.connect(on_inbound, dispatch_uid="masthead.newsroom.inbound")
        privacy.register(
            "newsroom", export=newsroom_privacy.export_member, erase=newsroom_privacy.erase_member
        )
        sections.register(
            key="newsroom", template="newsroom/account_panel.html", context=account_panel, order=20
        )
