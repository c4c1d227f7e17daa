"""schema.org `Event` JSON-LD for event pages: dates, place or online location, the public's
offers, organiser and speakers (https://developers.google.com/search/docs/appearance/structured-data/event).

Only what an anonymous visitor may see goes in: the public price (never a member's quote),
availability in the same coarse steps as the page, and the event page as the online location —
never the join link, which is for ticket holders.
"""

from django.utils import timezone

from masthead.billing.money import decimal_string
from masthead.content.seo import _dump, _image_url, publisher
from masthead.core.identity import identity

AVAILABILITY = {
    "sold_out": "https://schema.org/SoldOut",
    "few": "https://schema.org/LimitedAvailability",
    "available": "https://schema.org/InStock",
}


def _offer(offer, url, zone):
    tt = offer.ticket_type
    data = {
        "@type": "Offer",
        "name": tt.name,
        "url": url,
        "price": decimal_string(tt.price, tt.currency),
        "priceCurrency": tt.currency,
        "availability": AVAILABILITY.get(offer.step, AVAILABILITY["available"]),
        "validFrom": timezone.localtime(tt.sale_starts_at, zone).isoformat(),
    }
    if offer.phase in ("before", "presale") and offer.step != "sold_out":
        data["availability"] = "https://schema.org/PreOrder"
    if offer.phase == "ended":
        data["availability"] = "https://schema.org/SoldOut"
    return data


def event_json_ld(request, event, *, offers, speakers):
    url = event.get_full_url(request)
    zone = event.zone
    if event.is_online:
        mode = "https://schema.org/OnlineEventAttendanceMode"
        location = {"@type": "VirtualLocation", "url": url}
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
        location = {
            "@type": "Place",
            "name": event.venue_name or event.venue_address.splitlines()[0],
            "address": {"@type": "PostalAddress", "streetAddress": " ".join(event.venue_address.split())},
        }
    performers = [{"@type": "Person", "name": s.display_name} for s in speakers if s.display_name]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": timezone.localtime(event.starts_at, zone).isoformat(),
        "endDate": timezone.localtime(event.ends_at, zone).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": mode,
        "location": location,
        "image": [_image_url(request, event.cover_image) or identity(request).share_image_url],
        "organizer": publisher(request),
        "offers": [_offer(o, url, zone) for o in offers if not o.ticket_type.members_only],
    }
    if performers:
        data["performer"] = performers
    return _dump(data)
