"""Amounts in several currencies: conversion to the reporting currency and display with Babel.

Amounts stay integer minor units until they are shown. Conversion uses the rates staff set
(ExchangeRate); a currency without a rate is left out of the converted total and reported as
such, never guessed.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_compact_currency, format_currency

from masthead.billing.money import money_locale, to_decimal

from .models import ExchangeRate, ReportingSettings


@dataclass(frozen=True)
class Rates:
    currency: str
    rates: dict = field(default_factory=dict)

    def convert(self, amounts):
        """(total in the reporting currency's minor units, [currencies without a rate])."""
        total, missing = Decimal(0), []
        for currency, amount in amounts.items():
            if currency == self.currency:
                total += amount
            elif currency in self.rates:
                total += Decimal(amount) * self.rates[currency]
            elif amount:
                missing.append(currency)
        return int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP)), sorted(missing)


def reporting_rates():
    currency = ReportingSettings.load().reporting_currency
    return Rates(currency, {r.currency: r.rate for r in ExchangeRate.objects.all()})


def _locale():
    return money_locale()


def money(amount, currency):
    """Minor units as the current language writes money: "$1,234.50", "US$1,234.50" in Chinese…"""
    value = to_decimal(amount, currency)
    try:
        return format_currency(value, currency, locale=_locale())
    except (ValueError, LookupError):
        return format_currency(value, currency, locale="en")


def money_compact(amount, currency):
    """For chart axes: "$12K", "CN¥1.2M"."""
    value = to_decimal(amount, currency)
    try:
        return format_compact_currency(value, currency, locale=_locale(), fraction_digits=1)
    except (ValueError, LookupError):
        return format_compact_currency(value, currency, locale="en", fraction_digits=1)
