from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "masthead.newsletters"
    label = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self):
        from masthead.members import privacy, sections

        from . import privacy as newsletter_privacy
        from . import signal_handlers  # noqa: F401
        from .views import account_panel

        privacy.register(
            "newsletters", export=newsletter_privacy.export_member, erase=newsletter_privacy.erase_member
        )
        sections.register(
            key="newsletters", template="newsletters/account_panel.html", context=account_panel, order=20
        )
