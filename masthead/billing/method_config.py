"""The payment methods we know, the currencies each takes, and the parser of the billing settings'
"CUR: method, method" lines (see methods.py for what a reader may use).

Below models.py, whose BillingSettings validates its field with parse_methods; methods.py, which
reads the settings, is above models.
"""

from django.utils.translation import gettext_lazy as _

METHODS = {"card": _("Card"), "alipay": _("Alipay"), "wechat_pay": _("WeChat Pay")}
# The currencies Stripe accepts for each method (Stripe's documentation); card takes them all.
METHOD_CURRENCIES = {
    "alipay": {"CNY", "AUD", "CAD", "EUR", "GBP", "HKD", "JPY", "SGD", "MYR", "NZD", "USD"},
    "wechat_pay": {"CNY", "AUD", "CAD", "EUR", "GBP", "HKD", "JPY", "SGD", "USD", "DKK", "NOK", "SEK", "CHF"},
}


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
