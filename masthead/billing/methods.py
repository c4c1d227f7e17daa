"""Payment methods: which a reader may use, per currency and kind of purchase.

Stripe Checkout charges Alipay and WeChat Pay once: WeChat Pay is not available in subscription
mode at all and Alipay's recurring payments are limited to some accounts and regions. So
renewing memberships are paid by card everywhere, and the other methods are offered for what is
paid once — a prepaid membership period (billing.prepaid), a gift, a ticket. Staff choose the
methods per currency in the billing settings ("CNY: card, alipay, wechat_pay").
"""

from django.utils.translation import gettext_lazy as _

from .settings import billing_settings

METHODS = {"card": _("Card"), "alipay": _("Alipay"), "wechat_pay": _("WeChat Pay")}
# The currencies Stripe accepts for each method (Stripe's documentation); card takes them all.
METHOD_CURRENCIES = {
    "alipay": {"CNY", "AUD", "CAD", "EUR", "GBP", "HKD", "JPY", "SGD", "MYR", "NZD", "USD"},
    "wechat_pay": {"CNY", "AUD", "CAD", "EUR", "GBP", "HKD", "JPY", "SGD", "USD", "DKK", "NOK", "SEK", "CHF"},
}
RECURRING = ("card",)


def parse_methods(text, *, strict=False):
    """{"CNY": ["card", "alipay", "wechat_pay"]} from the settings' lines. With `strict`, a
    malformed line, unknown method or currency a method does not take raises ValueError;
    otherwise such entries are skipped."""
    found = {}
    for number, raw in enumerate((text or "").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        currency, sep, names = line.partition(":")
        currency = currency.strip().upper()
        if not sep or len(currency) != 3 or not currency.isalpha():
            if strict:
                raise ValueError(_("Line %(n)s: write “CUR: method, method”.") % {"n": number})
            continue
        methods = []
        for name in (part.strip().lower() for part in names.split(",")):
            if not name:
                continue
            if name not in METHODS or (name in METHOD_CURRENCIES and currency not in METHOD_CURRENCIES[name]):
                if strict:
                    raise ValueError(
                        _("Line %(n)s: “%(method)s” cannot be offered in %(currency)s.")
                        % {"n": number, "method": name, "currency": currency}
                    )
                continue
            if name not in methods:
                methods.append(name)
        found[currency] = methods or ["card"]
    return found


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
