"""Events the newsroom runs, the tickets it sells for them, and who is waiting for one.

Counters are never stored: how many tickets of a type are taken is counted from tickets, live
holds and waitlist offers, under a row lock on the event's ticket types (services.reserve). Ticket
types are edited inside the event page, so Wagtail's revisions save them; a stored counter there
would be overwritten by an older revision on the next publish.
"""

import secrets
import uuid
import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from masthead.access.readers import load_reader
from masthead.content.models import CacheablePage

from .forms import EventPageForm
from .pricing import quote, sale_phase, terms_for
from .seo import event_json_ld

# Ticket codes: 10 characters of an alphabet without look-alikes (0/O, 1/I/L): 31^10 ≈ 8e14
# codes, so a forged code is found only by luck, and staff can read one aloud at the door.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def new_ticket_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_token():
    return secrets.token_urlsafe(24)


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(_("Unknown time zone: %(zone)s"), params={"zone": value}) from error


class EventIndexPage(CacheablePage, Page):
    """The events listing: upcoming first, then past events."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["events.EventPage"]
    parent_page_types = ["content.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("events index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing(self))
        return context


class EventPage(CacheablePage, Page):
    """A conference, meetup or online briefing. Anonymous responses are shared by the page cache;
    availability on them changes only through services, which invalidate it (see services)."""

    summary = models.TextField(_("summary"), max_length=300)
    description = RichTextField(_("description"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("venue time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_(
            'An IANA zone, e.g. "Europe/Berlin" or "Asia/Shanghai". Online events: the organisers\'.'
        ),
    )
    is_online = models.BooleanField(_("online event"), default=False)
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("address"), blank=True)
    map_url = models.URLField(
        _("map link"), blank=True, help_text=_("Empty: an OpenStreetMap search for the address.")
    )
    join_url = models.URLField(
        _("join link"),
        blank=True,
        help_text=_("Online events: shown only to ticket holders, and in their email."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("All ticket types together. Empty: the sum of their quantities."),
    )
    member_discount_percent = models.PositiveSmallIntegerField(
        _("member discount (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("Paying members pay this much less on every ticket type that is not free."),
    )
    member_early_access_hours = models.PositiveIntegerField(
        _("member early access (hours)"),
        default=0,
        help_text=_(
            "Paying members may buy this many hours before a ticket type goes on sale to the public."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("time_zone")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_online"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("map_url"),
                FieldPanel("join_url"),
            ],
            heading=_("Where"),
        ),
        InlinePanel("speakers", label=_("Speakers")),
        InlinePanel("agenda_items", label=_("Agenda")),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("member_discount_percent"), FieldPanel("member_early_access_hours")]
                ),
                InlinePanel("ticket_types", label=_("Ticket types")),
            ],
            heading=_("Tickets"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.FilterField("starts_at")]
    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("An event cannot end before it starts.")})
        if self.is_online and not self.join_url:
            raise ValidationError(
                {"join_url": _("An online event needs a join link for its ticket holders.")}
            )
        if not self.is_online and not (self.venue_name or self.venue_address):
            raise ValidationError({"venue_name": _("An in-person event needs a venue.")})

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def map_link(self):
        if self.map_url:
            return self.map_url
        if self.venue_address:
            return "https://www.openstreetmap.org/search?" + urlencode(
                {"query": " ".join(self.venue_address.split())}
            )
        return ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(self, request))
        context["event_json_ld"] = event_json_ld(
            request, self, offers=context["offers"], speakers=context["speakers"]
        )
        return context


class EventSpeaker(Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    author = models.ForeignKey(
        "content.AuthorPage",
        verbose_name=_("staff author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A journalist of ours: the name links to their author page."),
    )
    name = models.CharField(_("name"), max_length=120, blank=True, help_text=_("Empty: the author's name."))
    affiliation = models.CharField(_("role and affiliation"), max_length=200, blank=True)

    panels = [FieldPanel("author"), FieldPanel("name"), FieldPanel("affiliation")]

    @property
    def display_name(self):
        return self.name or (self.author.title if self.author_id else "")


class AgendaItem(Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="agenda_items")
    starts_at = models.TimeField(_("time (venue)"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    detail = models.TextField(_("detail"), blank=True)

    panels = [FieldPanel("starts_at"), FieldPanel("title"), FieldPanel("detail")]


class TicketType(Orderable):
    """What can be bought for an event. Free (price 0) ticket types are RSVPs."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="ticket_types")
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("description"), max_length=300, blank=True)
    price = models.PositiveIntegerField(
        _("price (minor units)"), default=0, help_text=_("e.g. 4500 for 45.00; 0: free RSVP.")
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    quantity = models.PositiveIntegerField(_("quantity"))
    sale_starts_at = models.DateTimeField(_("on sale to the public from"))
    sale_ends_at = models.DateTimeField(
        _("on sale until"), null=True, blank=True, help_text=_("Empty: until the event starts.")
    )
    max_per_order = models.PositiveSmallIntegerField(
        _("per-order limit"), default=4, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    members_only = models.BooleanField(
        _("members only"), default=False, help_text=_("Only paying members may buy it.")
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("description")]),
        FieldRowPanel([FieldPanel("price"), FieldPanel("currency"), FieldPanel("quantity")]),
        FieldRowPanel([FieldPanel("sale_starts_at"), FieldPanel("sale_ends_at")]),
        FieldRowPanel([FieldPanel("max_per_order"), FieldPanel("members_only")]),
    ]

    def __str__(self):
        return self.name

    @property
    def is_free(self):
        return self.price == 0


class PromoCode(models.Model):
    """A code a buyer types at checkout: a percentage or a fixed amount off each ticket."""

    class Kind(models.TextChoices):
        PERCENT = "percent", _("Percentage off")
        FIXED = "fixed", _("Fixed amount off each ticket")

    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="promo_codes"
    )
    code = models.CharField(_("code"), max_length=40, help_text=_("Case does not matter."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PERCENT)
    value = models.PositiveIntegerField(
        _("value"), help_text=_("Percent (1–100), or minor units off each ticket.")
    )
    max_uses = models.PositiveIntegerField(_("tickets it may be used for"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    combinable_with_member_price = models.BooleanField(
        _("combinable with the member discount"),
        default=False,
        help_text=_("Off: a member gets whichever of the two is better, not both."),
    )

    class Meta:
        verbose_name = _("promo code")
        constraints = [models.UniqueConstraint(fields=["event", "code"], name="promo_code_once_per_event")]

    def __str__(self):
        return self.code

    def clean(self):
        self.code = (self.code or "").strip().upper()
        if self.kind == self.Kind.PERCENT and not 1 <= (self.value or 0) <= 100:
            raise ValidationError({"value": _("A percentage is between 1 and 100.")})


class Order(models.Model):
    """One buyer's tickets of one ticket type. Pending orders hold their tickets until
    `hold_expires_at`; a paid order has its tickets; nothing else counts against capacity."""

    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting payment")
        PAID = "paid", _("Confirmed")
        EXPIRED = "expired", _("Expired")
        CANCELED = "canceled", _("Canceled")
        REFUNDED = "refunded", _("Canceled and refunded")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(EventPage, on_delete=models.PROTECT, related_name="orders")
    ticket_type = models.ForeignKey(TicketType, on_delete=models.PROTECT, related_name="orders")
    user = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="event_orders"
    )
    email = models.EmailField()
    quantity = models.PositiveSmallIntegerField()
    promo_code = models.ForeignKey(
        PromoCode, null=True, blank=True, on_delete=models.PROTECT, related_name="orders"
    )
    # The quote at the time of the hold (pricing.quote): what the buyer agreed to pay.
    unit_price = models.PositiveIntegerField()
    public_unit_price = models.PositiveIntegerField()
    total = models.PositiveIntegerField()
    currency = models.CharField(max_length=3)
    member_price = models.BooleanField(default=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    hold_expires_at = models.DateTimeField()
    attendees = models.JSONField(default=list, blank=True)
    checkout_ref = models.CharField(max_length=100, blank=True)
    payment = models.ForeignKey(
        "billing.Payment", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    waitlist_entry = models.OneToOneField(
        "events.WaitlistEntry", null=True, blank=True, on_delete=models.SET_NULL, related_name="order"
    )
    created_at = models.DateTimeField()
    paid_at = models.DateTimeField(null=True, blank=True)
    canceled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["ticket_type", "state", "hold_expires_at"], name="order_hold_lookup")]

    def __str__(self):
        return f"{self.quantity} × {self.ticket_type} ({self.get_state_display()})"

    @property
    def reference(self):
        return self.id.hex[:8].upper()


class Ticket(models.Model):
    """One admission. Its code is the QR code's content; check-in marks it used once."""

    class State(models.TextChoices):
        VALID = "valid", _("Valid")
        CHECKED_IN = "checked_in", _("Checked in")
        CANCELED = "canceled", _("Canceled")

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="tickets")
    event = models.ForeignKey(EventPage, on_delete=models.PROTECT, related_name="tickets")
    ticket_type = models.ForeignKey(TicketType, on_delete=models.PROTECT, related_name="tickets")
    position = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_ticket_code)
    attendee_name = models.CharField(_("attendee"), max_length=120)
    attendee_email = models.EmailField(_("attendee email"))
    state = models.CharField(max_length=12, choices=State.choices, default=State.VALID, db_index=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    checked_in_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["order__created_at", "position"]
        constraints = [models.UniqueConstraint(fields=["order", "position"], name="ticket_once_per_position")]

    def __str__(self):
        return f"{self.code} ({self.attendee_name})"


class WaitlistEntry(models.Model):
    """Someone waiting for a sold-out ticket type. When a ticket frees up the first waiting entry
    is offered it: the ticket is held for them until `offer_expires_at`."""

    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        OFFERED = "offered", _("Offered a ticket")
        CONVERTED = "converted", _("Bought a ticket")
        LAPSED = "lapsed", _("Offer lapsed")
        LEFT = "left", _("Left the waitlist")

    ticket_type = models.ForeignKey(TicketType, on_delete=models.CASCADE, related_name="waitlist")
    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="waitlist")
    user = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    email = models.EmailField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING, db_index=True)
    token = models.CharField(max_length=40, unique=True, default=new_token)
    created_at = models.DateTimeField()
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ticket_type", "email"],
                condition=models.Q(state__in=["waiting", "offered"]),
                name="waitlist_once_per_person",
            )
        ]

    def __str__(self):
        return f"{self.email} ({self.get_state_display()})"


# --- What the event pages show ----------------------------------------------------------------
# Here, with the models, because the pages call these (get_context) and they query the models;
# selectors.py, which the views and services read through, re-exports them.

# Fewer tickets left than this (or 10 % of the type, if more) shows as "few left". The page
# shows availability only in these coarse steps, so a sale changes the cached anonymous page
# only when a step changes (services._invalidate_if_changed).
FEW_LEFT = 5


def buyer_is_member(user, now):
    """Whether the buyer gets member benefits: a paying member, as the access app decides."""
    if user is None or not user.is_authenticated:
        return False

    return load_reader(user, now).is_paying(now)


def taken_by_type(event_id, now):
    """{ticket_type_id: tickets sold + held by unexpired orders + held by unexpired waitlist offers}.
    Exact only under services' lock on the event's ticket types; a hint anywhere else."""
    taken = {}
    sold = (
        Ticket.objects.filter(event_id=event_id)
        .exclude(state=Ticket.State.CANCELED)
        .values("ticket_type_id")
        .annotate(n=Count("pk"))
    )
    held = (
        Order.objects.filter(event_id=event_id, state=Order.State.PENDING, hold_expires_at__gt=now)
        .values("ticket_type_id")
        .annotate(n=Sum("quantity"))
    )
    offered = (
        WaitlistEntry.objects.filter(
            event_id=event_id, state=WaitlistEntry.State.OFFERED, offer_expires_at__gt=now
        )
        .values("ticket_type_id")
        .annotate(n=Count("pk"))
    )
    for rows in (sold, held, offered):
        for row in rows:
            taken[row["ticket_type_id"]] = taken.get(row["ticket_type_id"], 0) + (row["n"] or 0)
    return taken


def available_by_type(event, ticket_types, now):
    """{ticket_type_id: how many more may be sold}, honouring the event's overall capacity."""
    taken = taken_by_type(event.pk, now)
    left_overall = None
    if event.capacity is not None:
        left_overall = max(0, event.capacity - sum(taken.values()))
    result = {}
    for tt in ticket_types:
        left = max(0, tt.quantity - taken.get(tt.pk, 0))
        result[tt.pk] = left if left_overall is None else min(left, left_overall)
    return result


def availability_step(left, quantity):
    if left <= 0:
        return "sold_out"
    if left <= max(FEW_LEFT, quantity // 10):
        return "few"
    return "available"


def availability_steps(event, now):
    types = list(TicketType.objects.filter(event=event))
    left = available_by_type(event, types, now)
    return {tt.pk: availability_step(left[tt.pk], tt.quantity) for tt in types}


@dataclass
class TicketOffer:
    """A ticket type as the event page shows it to one reader (anonymous: a non-member)."""

    ticket_type: TicketType
    quote: object
    phase: str
    step: str
    member_quote: object  # what a paying member would pay now

    @property
    def is_free(self):
        return self.ticket_type.price == 0


def ticket_offers(event, *, member, now):
    types = list(event.ticket_types.all())
    left = available_by_type(event, types, now)
    offers = []
    for tt in types:
        terms = terms_for(tt, event)
        offers.append(
            TicketOffer(
                ticket_type=tt,
                quote=quote(terms, member=member, now=now),
                phase=sale_phase(terms, now=now),
                step=availability_step(left[tt.pk], tt.quantity),
                member_quote=quote(terms, member=True, now=now),
            )
        )
    return offers


def event_page_context(event, request):
    """The event page: the same for every anonymous reader (cacheable); for a signed-in reader
    also their membership benefits, their tickets and the join link (the response is private)."""
    now = timezone.now()
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    member = buyer_is_member(user, now) if signed_in else False
    my_tickets = list(my_event_tickets(user, event)) if signed_in else []
    waiting = (
        set(
            WaitlistEntry.objects.filter(
                event=event, user=user, state__in=[WaitlistEntry.State.WAITING, WaitlistEntry.State.OFFERED]
            ).values_list("ticket_type_id", flat=True)
        )
        if signed_in
        else set()
    )
    return {
        "now": now,
        "is_member": member,
        "signed_in": signed_in,
        "offers": ticket_offers(event, member=member, now=now),
        "my_tickets": my_tickets,
        # The join link is for ticket holders only: never in an anonymous (shared) page.
        "show_join_link": bool(event.is_online and my_tickets),
        "waiting_for": waiting,
        "is_past": event.ends_at <= now,
        "speakers": list(event.speakers.select_related("author")),
        "agenda": list(event.agenda_items.all()),
    }


def my_event_tickets(user, event=None):
    """Valid tickets a member bought or that were issued to their address."""
    tickets = Ticket.objects.filter(Q(order__user=user) | Q(attendee_email__iexact=user.email)).exclude(
        state=Ticket.State.CANCELED
    )
    if event is not None:
        tickets = tickets.filter(event=event)
    return tickets.select_related("event", "ticket_type", "order").order_by("event__starts_at", "pk")


def listing(index):
    now = timezone.now()
    events = EventPage.objects.live().child_of(index).select_related("cover_image")
    return {
        "upcoming": list(events.filter(ends_at__gt=now).order_by("starts_at")),
        "past": list(events.filter(ends_at__lte=now).order_by("-starts_at")[:30]),
    }
