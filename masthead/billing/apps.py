from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BillingConfig(AppConfig):
    name = "masthead.billing"
    label = "billing"
    verbose_name = _("Billing")

    def ready(self):
        from masthead.members import privacy

        from . import privacy as billing_privacy
        from . import signal_handlers  # noqa: F401

        privacy.register("billing", export=billing_privacy.export_member, erase=billing_privacy.erase_member)

        from masthead.members import sections

        from .views import account_panel

        sections.register(
            key="billing", template="billing/account_panel.html", context=account_panel, order=10
        )
