"""URL converters.

`<id:pk>`: a database id. Django's `int` matches any number of digits, and a number past the
database's 64-bit integer (`/events/99999999999999999999/calendar.ics`) made the lookup raise
(OverflowError on SQLite, DataError on PostgreSQL): a 500. Ids have at most 18 digits here, so
anything longer is simply no such page (404).
"""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(int(value))


register_converter(IdConverter, "id")
