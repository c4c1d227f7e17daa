from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "masthead.members"
    label = "members"
    verbose_name = _("Members")

    def ready(self):
        from masthead.core import mail

        from . import signal_handlers  # noqa: F401
        from .services import language_for_email

        # Every templated message goes out in its recipient's language (core.mail.language_for).
        mail.register_recipient_language(language_for_email)
