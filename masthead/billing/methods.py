"""Payment methods: which a reader may use, per currency and kind of purchase.

Stripe Checkout charges Alipay and WeChat Pay once: WeChat Pay is not available in subscription
mode at all and Alipay's recurring payments are limited to some accounts and regions. So
renewing memberships are paid by card everywhere, and the other methods are offered for what is
paid once — a prepaid membership period (billing.prepaid), a gift, a ticket. Staff choose the
methods per currency in the billing settings ("CNY: card, alipay, wechat_pay").
"""

# The table and the settings' parser are below models.py (BillingSettings validates its field with
# them); this module, which reads the settings, is above it.
from .method_config import METHOD_CURRENCIES, METHODS, parse_methods  # noqa: F401
from .settings import billing_settings

RECURRING = ("card",)


def configured():
    return parse_methods(billing_settings().payment_methods)


def methods_for(currency, *, recurring=False, config=None):
    """The methods a reader may choose for a purchase in `currency` (card when none is set)."""
    methods = (config if config is not None else configured()).get((currency or "").upper(), ["card"])
    if recurring:
        methods = [m for m in methods if m in RECURRING]
    return methods or ["card"]


def offers_one_off_methods(currency, config=None):
    """Whether a currency has methods beyond card (then members may prepay a period with them)."""
    return any(m != "card" for m in methods_for(currency, config=config))


def method_label(name):
    return str(METHODS.get(name, name))
