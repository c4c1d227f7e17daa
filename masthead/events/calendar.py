"""iCalendar (RFC 5545) files: one event's "add to calendar", and the feed of upcoming events.

The join link of an online event is never in these files: they are public. Ticket holders get it
on the event page and in their confirmation email.
"""

from datetime import UTC

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from masthead.core.identity import publication

# icalendar is imported when a calendar file is made, not at start-up: ~3 MB that a web process
# serving articles does not need (issue 15).


def _calendar(name):
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", f"-//{publication().name}//Masthead events//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    return cal


def _component(event, *, now):
    from icalendar import Event

    item = Event()
    host = settings.SITE_URL.split("://")[-1].split("/")[0] or "masthead"
    item.add("uid", f"event-{event.pk}@{host}")
    item.add("dtstamp", now.astimezone(UTC))
    item.add("dtstart", event.starts_at.astimezone(UTC))
    item.add("dtend", event.ends_at.astimezone(UTC))
    item.add("summary", event.title)
    item.add("description", event.summary)
    item.add("url", settings.SITE_URL.rstrip("/") + event.url if event.url else settings.SITE_URL)
    if event.is_online:
        item.add("location", _("Online"))
    else:
        item.add(
            "location", ", ".join(p for p in [event.venue_name, " ".join(event.venue_address.split())] if p)
        )
    return item


def event_ics(event, *, now=None):
    cal = _calendar(event.title)
    cal.add_component(_component(event, now=now or timezone.now()))
    return cal.to_ical()


def events_ics(events, *, now=None):
    now = now or timezone.now()
    cal = _calendar(_("%(publication)s events") % {"publication": publication().name})
    for event in events:
        cal.add_component(_component(event, now=now))
    return cal.to_ical()
