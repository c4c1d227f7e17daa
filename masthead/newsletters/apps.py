from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from masthead.core import account_sections, demo, privacy


class NewslettersConfig(AppConfig):
    name = "masthead.newsletters"
    label = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self):

        from . import privacy as newsletter_privacy
        from . import signal_handlers  # noqa: F401
        from .views import account_panel

        privacy.register(
            "newsletters", export=newsletter_privacy.export_member, erase=newsletter_privacy.erase_member
        )
        account_sections.register(
            key="newsletters", template="newsletters/account_panel.html", context=account_panel, order=20
        )
        demo.register("newsletters", "masthead.newsletters.demo.load_demo", order=20)
