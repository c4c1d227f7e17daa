"""Money shown to people: Babel (CLDR) in the active language's locale, from integer minor units."""

from decimal import Decimal

import pytest
from django.utils import translation

from masthead.billing.money import CURRENCIES, decimal_string, format_money, money_locale, to_decimal

# Babel's real output (CLDR 2.19), pinned: whole amounts drop ".00", others keep the decimals.
EXPECTED = {
    "en": {
        "USD": ("$128", "$1,234.50"),
        "CNY": ("CN¥128", "CN¥1,234.50"),
        "EUR": ("€128", "€1,234.50"),
        "GBP": ("£128", "£1,234.50"),
        "HKD": ("HK$128", "HK$1,234.50"),
        "SGD": ("SGD128", "SGD1,234.50"),
    },
    "zh-hans": {
        "USD": ("US$128", "US$1,234.50"),
        "CNY": ("¥128", "¥1,234.50"),
        "EUR": ("€128", "€1,234.50"),
        "GBP": ("£128", "£1,234.50"),
        "HKD": ("HK$128", "HK$1,234.50"),
        "SGD": ("SGD128", "SGD1,234.50"),
    },
}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("currency", CURRENCIES)
def test_every_currency_in_both_languages(language, currency):
    whole, fraction = EXPECTED[language][currency]
    with translation.override(language):
        assert format_money(12800, currency) == whole
        assert format_money(123450, currency) == fraction
    # An explicit language wins over the active one.
    assert format_money(12800, currency, language=language) == whole


def test_the_same_price_reads_differently_per_language():
    with translation.override("en"):
        english = format_money(6800, "CNY")
    with translation.override("zh-hans"):
        chinese = format_money(6800, "CNY")
    assert (english, chinese) == ("CN¥68", "¥68")


def test_zero_decimal_currencies_use_their_own_minor_unit():
    # JPY has no minor unit: 500 minor units are ¥500, not ¥5.
    assert format_money(500, "JPY", language="en") == "¥500"
    assert format_money(500, "JPY", language="zh-hans") == "JP¥500"
    assert to_decimal(500, "JPY") == Decimal(500) and to_decimal(500, "CNY") == Decimal("5.00")
    assert format_money(0, "CNY", language="zh-hans") == "¥0"
    assert format_money(1, "CNY", language="zh-hans") == "¥0.01"


def test_machine_readable_amounts_are_decimal_text():
    assert decimal_string(12345, "CNY") == "123.45" and decimal_string(500, "JPY") == "500"
    assert isinstance(to_decimal(999), Decimal)


def test_unknown_input_never_raises():
    assert format_money(1000, "XYZ", language="en") == "XYZ10"
    assert format_money(1000, "", language="en")  # no currency: still text, no exception
    assert money_locale("zh-hant") == "zh_Hans_CN" and money_locale("fr") == "en_US"
