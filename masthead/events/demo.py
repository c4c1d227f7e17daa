"""Demo events (idempotent, like the rest of the demo): a conference with a members-only
presale and a member discount, a free online briefing, and a past meetup."""

from datetime import timedelta

from django.utils import timezone

from masthead.content.models import AuthorPage

from .models import AgendaItem, EventIndexPage, EventPage, EventSpeaker, PromoCode, TicketType

CONFERENCE = "ai-summit"
BRIEFING = "chip-policy-briefing"
MEETUP = "founders-meetup"


def _day(now, days, hour):
    return (now + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def load_events_demo(home, *, now=None):
    now = now or timezone.now()
    created = 0
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=EventIndexPage(
                title="Events",
                slug="events",
                intro="Conferences, meetups and online briefings. Members get in early and pay less.",
            )
        )
        created += 1
    authors = list(AuthorPage.objects.live().order_by("pk")[:3])
    if not EventPage.objects.filter(slug=CONFERENCE).exists():
        event = EventPage(
            title="Circuit East AI Summit",
            slug=CONFERENCE,
            summary="A day with the founders, researchers and regulators shaping AI in Asia.",
            description="<p>Talks, panels and plenty of time to meet our reporters and readers.</p>",
            starts_at=_day(now, 30, 1),
            ends_at=_day(now, 30, 10),
            time_zone="Asia/Shanghai",
            venue_name="West Bund Dome",
            venue_address="2350 Longteng Avenue\nXuhui, Shanghai",
            capacity=200,
            member_discount_percent=20,
            member_early_access_hours=24 * 7,
        )
        event.ticket_types = [
            TicketType(
                name="General admission",
                price=15000,
                currency="USD",
                quantity=180,
                sale_starts_at=_day(now, 3, 1),
                max_per_order=4,
            ),
            TicketType(
                name="Members' roundtable",
                description="Lunch with the newsroom",
                price=5000,
                currency="USD",
                quantity=20,
                sale_starts_at=_day(now, -1, 1),
                max_per_order=1,
                members_only=True,
            ),
        ]
        event.speakers = [EventSpeaker(author=a, affiliation="Circuit East") for a in authors[:2]] + [
            EventSpeaker(name="Dr. Lin Yue", affiliation="Tsinghua University")
        ]
        event.agenda_items = [
            AgendaItem(starts_at=_day(now, 0, 9).time(), title="Doors open"),
            AgendaItem(starts_at=_day(now, 0, 10).time(), title="Keynote: the compute race"),
            AgendaItem(starts_at=_day(now, 0, 14).time(), title="Panel: who regulates the models?"),
        ]
        index.add_child(instance=event)
        PromoCode.objects.create(event=event, code="PRESS10", kind="percent", value=10, max_uses=50)
        created += 1
    if not EventPage.objects.filter(slug=BRIEFING).exists():
        event = EventPage(
            title="Online briefing: the chip export rules",
            slug=BRIEFING,
            summary="Our semiconductors reporter explains the new rules in 45 minutes, then takes questions.",
            starts_at=_day(now, 10, 12),
            ends_at=_day(now, 10, 12) + timedelta(minutes=45),
            time_zone="Europe/London",
            is_online=True,
            join_url="https://meet.example.com/masthead-chips",
        )
        event.ticket_types = [
            TicketType(
                name="Free RSVP",
                price=0,
                currency="USD",
                quantity=500,
                sale_starts_at=_day(now, -2, 0),
                max_per_order=1,
            )
        ]
        event.speakers = [EventSpeaker(author=a) for a in authors[2:3]]
        index.add_child(instance=event)
        created += 1
    if not EventPage.objects.filter(slug=MEETUP).exists():
        event = EventPage(
            title="Founders' meetup, spring edition",
            slug=MEETUP,
            summary="An evening with the startups we covered this year.",
            starts_at=_day(now, -20, 10),
            ends_at=_day(now, -20, 13),
            time_zone="Asia/Singapore",
            venue_name="The Working Capitol",
            venue_address="1 Keong Saik Road, Singapore",
        )
        event.ticket_types = [
            TicketType(
                name="Standard",
                price=2000,
                currency="USD",
                quantity=80,
                sale_starts_at=_day(now, -40, 0),
                max_per_order=2,
            )
        ]
        index.add_child(instance=event)
        created += 1
    return created


def load_demo(*, site, home, now):
    """This app's part of the demo newsroom (registered with core.demo in apps.py)."""
    return load_events_demo(home, now=now)
