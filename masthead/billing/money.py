"""Money: integer minor units with an explicit currency. No floats anywhere near a price.

Amounts are shown with Babel (CLDR) in the active language's locale, so the same price reads
"CN¥128" on the English site and "¥128" on the Chinese one; machine-readable places (CSV, JSON-LD)
use `decimal_string`, a plain "128.00" in the currency's own precision.
"""

from decimal import Decimal

from babel.numbers import format_currency, get_currency_precision
from django.utils import translation

# Currencies we sell in; all have two decimal places (cents, fen). Minor units come from CLDR per
# currency, so a zero-decimal currency (JPY, KRW) would also format right.
CURRENCIES = ["USD", "CNY", "EUR", "GBP", "HKD", "SGD"]
MINOR_UNITS = 100
# Django language code → the Babel locale used for money (zh-hans readers are in mainland China).
LOCALES = {"en": "en_US", "zh-hans": "zh_Hans_CN"}


def minor_digits(currency):
    """Decimal places of `currency`'s minor unit (2 for CNY fen, 0 for JPY)."""
    try:
        return get_currency_precision(currency)
    except (LookupError, ValueError, TypeError):
        return 2


def to_decimal(amount, currency="USD"):
    digits = minor_digits(currency)
    return (Decimal(int(amount)) / (10**digits)).quantize(Decimal(1).scaleb(-digits))


def decimal_string(amount, currency):
    """For machines (CSV, schema.org): "128.00" — a Decimal's text, never a float's."""
    return str(to_decimal(amount, currency))


def money_locale(language=None):
    """The Babel locale for a Django language code (the active one by default)."""
    language = (language or translation.get_language() or "en").lower()
    if language in LOCALES:
        return LOCALES[language]
    base = language.split("-")[0]
    return next((loc for code, loc in LOCALES.items() if code.split("-")[0] == base), LOCALES["en"])


def format_money(amount, currency, *, language=None):
    """Minor units as the reader's language writes money. Whole amounts drop their ".00"
    ("$9", "CN¥128", "¥128"); others keep the currency's decimals ("$9.99", "¥12.50")."""
    currency = (currency or "").upper()
    value = to_decimal(amount, currency)
    locale = money_locale(language)
    options = {}
    if value == value.to_integral_value():
        # The locale's own currency pattern without its fraction part.
        options = {"format": "¤#,##0", "currency_digits": False}
    try:
        return format_currency(value, currency, locale=locale, **options)
    except (LookupError, ValueError):
        return f"{currency} {value}"


def percent_of(amount, percent):
    """`percent`% of an amount in minor units, rounded half up to a whole minor unit."""
    return int((Decimal(amount) * Decimal(percent) / 100).quantize(Decimal("1"), rounding="ROUND_HALF_UP"))


def discounted(amount, offer, currency):
    """The amount after `offer` (an Offer or None). Never negative; trial offers do not discount."""
    if offer is None:
        return amount
    if offer.kind == "percent" and offer.percent_off:
        return max(0, amount - percent_of(amount, offer.percent_off))
    if offer.kind == "fixed" and offer.amount_off and offer.currency == currency:
        return max(0, amount - offer.amount_off)
    return amount
