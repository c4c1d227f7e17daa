from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from masthead.core import account_sections, demo, privacy


class EventsConfig(AppConfig):
    name = "masthead.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from masthead.billing import payments

        from . import privacy as events_privacy
        from .services import PURPOSE, on_payment
        from .views import account_panel

        payments.register(PURPOSE, on_paid=on_payment)
        privacy.register("events", export=events_privacy.export_member, erase=events_privacy.erase_member)
        account_sections.register(
            key="events", template="events/account_panel.html", context=account_panel, order=20
        )
        demo.register("events", "masthead.events.demo.load_demo", order=50)
