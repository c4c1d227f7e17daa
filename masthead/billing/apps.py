from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from masthead.core import account_sections, demo, privacy


class BillingConfig(AppConfig):
    name = "masthead.billing"
    label = "billing"
    verbose_name = _("Billing")

    def ready(self):

        from . import privacy as billing_privacy
        from . import signal_handlers  # noqa: F401

        privacy.register("billing", export=billing_privacy.export_member, erase=billing_privacy.erase_member)

        from .views import account_panel

        account_sections.register(
            key="billing", template="billing/account_panel.html", context=account_panel, order=10
        )
        demo.register("billing", "masthead.billing.demo.load_demo", order=10)
