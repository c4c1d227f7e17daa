from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from masthead.content import author_contact
from masthead.core import account_sections, demo, privacy


class NewsroomConfig(AppConfig):
    name = "masthead.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom line")

    def ready(self):
        from anymail.signals import inbound

        from . import privacy as newsroom_privacy
        from .inbound import on_inbound
        from .services import author_contact_handler
        from .views import account_panel

        inbound.connect(on_inbound, dispatch_uid="masthead.newsroom.inbound")
        author_contact.register(author_contact_handler)
        privacy.register(
            "newsroom", export=newsroom_privacy.export_member, erase=newsroom_privacy.erase_member
        )
        account_sections.register(
            key="newsroom", template="newsroom/account_panel.html", context=account_panel, order=20
        )
        demo.register("newsroom", "masthead.newsroom.demo.load_demo", order=30)
