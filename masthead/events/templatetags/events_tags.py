from django import template
from django.utils import timezone

from masthead.billing.money import format_money

register = template.Library()


@register.filter
def price(amount, currency):
    return format_money(amount or 0, currency)


@register.filter
def in_zone(value, zone):
    """A datetime in the venue's zone (EventPage.zone)."""
    return timezone.localtime(value, zone) if value else value
