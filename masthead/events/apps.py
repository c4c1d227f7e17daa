from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "masthead.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from masthead.billing import payments
        from masthead.members import privacy, sections

        from . import privacy as events_privacy
        from .services import PURPOSE, on_payment
        from .views import account_panel

        payments.register(PURPOSE, on_paid=on_payment)
        privacy.register("events", export=events_privacy.export_member, erase=events_privacy.erase_member)
        sections.register(key="events", template="events/account_panel.html", context=account_panel, order=20)
