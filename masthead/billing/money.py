"""Money: integer minor units with an explicit currency. No floats anywhere near a price."""

from decimal import Decimal

# Currencies we sell in; all have two decimal places (cents, fen).
CURRENCIES = ["USD", "CNY", "EUR", "GBP", "HKD", "SGD"]
SYMBOLS = {"USD": "$", "CNY": "¥", "EUR": "€", "GBP": "£", "HKD": "HK$", "SGD": "S$"}
MINOR_UNITS = 100


def to_decimal(amount):
    return (Decimal(amount) / MINOR_UNITS).quantize(Decimal("0.01"))


def format_money(amount, currency):
    value = to_decimal(amount)
    text = f"{value:,.2f}"
    if text.endswith(".00"):
        text = text[:-3]
    return f"{SYMBOLS.get(currency, currency + ' ')}{text}"


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
