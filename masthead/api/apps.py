from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "masthead.api"
    label = "api"
    verbose_name = _("API and webhooks")

    def ready(self):
        # Outgoing webhooks listen to the domain signals of the apps below this one.
        from .webhooks import receivers  # noqa: F401
