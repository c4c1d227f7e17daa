"""The public pages: listing, event page (cacheable for anonymous readers, private for members),
buying through the test-mode checkout, the order and ticket pages, calendars, the account panel,
and the staff pages in the admin."""

import pytest
from django.test import Client

from masthead.billing.models import CheckoutSession
from masthead.events import services
from masthead.events.models import Order, Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_for():
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


def test_the_listing_shows_upcoming_and_past_events_and_is_cacheable(
    client, conference, django_assert_max_num_queries
):
    response = client.get("/events/")
    html = response.content.decode()
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    assert html.index("Circuit East AI Summit") < html.index("Past events") < html.index("Founders")
    assert "/events/calendar.ics" in html


def test_a_non_member_sees_the_presale_as_members_only_with_the_saving(client_for, conference, reader):
    html = client_for(reader).get(conference.url).content.decode()
    assert "Members-only presale" in html
    assert "Members pay $120" in html and "Members save $30 per ticket" in html
    assert "For paying members only" in html  # the roundtable
    assert 'action="/tickets/buy/' not in html


def test_a_paying_member_sees_their_price_and_can_buy(client_for, conference, general, paying):
    client = client_for(paying)
    response = client.get(conference.url)
    html = response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "$120" in html and "you save $30" in html and f'action="/tickets/buy/{general.pk}/"' in html
    response = client.post(f"/tickets/buy/{general.pk}/", {"quantity": "2", "code": ""})
    order = Order.objects.get(user=paying)
    assert response.status_code == 302 and response["Location"] == f"/tickets/order/{order.pk}/"
    # Missing attendee names: the form says what is wrong.
    response = client.post(response["Location"], {"name_0": "Ada", "email_0": "paying@example.com"})
    assert response.status_code == 400 and "every ticket" in response.content.decode()
    response = client.post(
        f"/tickets/order/{order.pk}/",
        {"name_0": "Ada", "email_0": "paying@example.com", "name_1": "Bo", "email_1": "bo@example.com"},
    )
    checkout = CheckoutSession.objects.get(pk=Order.objects.get(pk=order.pk).checkout_ref)
    assert (
        response["Location"].endswith(f"/billing/test-checkout/{checkout.pk}/")
        or str(checkout.pk) in response["Location"]
    )
    response = client.post(
        response["Location"],
        {"name": "Ada", "card_number": "4242 4242 4242 4242", "expiry": "12/39", "cvc": "123"},
    )
    response = client.get(response["Location"])  # the checkout's return → the order page
    assert response.status_code == 302 and response["Location"] == f"/tickets/order/{order.pk}/"
    html = client.get(response["Location"]).content.decode()
    codes = list(Ticket.objects.filter(order=order).values_list("code", flat=True))
    assert all(code in html for code in codes) and "<svg" in html
    account = client.get("/account/").content.decode()
    assert "Your tickets" in account and codes[0] in account


def test_bad_input_gets_clear_messages_not_errors(client_for, conference, general, paying):
    client = client_for(paying)
    for data, text in [
        ({"quantity": "9"}, "at most 4"),
        ({"quantity": "abc"}, None),
        ({"quantity": "1", "code": "NOPE"}, "know that promo code"),
        ({"quantity": "0"}, "at least one"),
    ]:
        response = client.post(f"/tickets/buy/{general.pk}/", data, follow=True)
        assert response.status_code == 200
        if text:
            assert text in response.content.decode()
    assert client.post("/tickets/buy/999999/").status_code == 404
    assert client.get("/tickets/NOTACODE/").status_code == 404


def test_anonymous_buyers_are_sent_to_sign_in(client, conference, general):
    response = client.post(f"/tickets/buy/{general.pk}/", {"quantity": "1"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_join_link_reaches_only_ticket_holders(client, client_for, briefing, reader, make_member):
    secret = briefing.join_url
    assert secret not in client.get(briefing.url).content.decode()
    assert secret not in client.get(f"/events/{briefing.pk}/calendar.ics").content.decode()
    assert secret not in client.get("/events/calendar.ics").content.decode()
    stranger = client_for(make_member("stranger@example.com"))
    assert secret not in stranger.get(briefing.url).content.decode()
    order = services.order_start(
        event=briefing, ticket_type=briefing.ticket_types.get(), user=reader, quantity=1
    )
    services.order_set_attendees(order=order, attendees=[("Rea", "reader@example.com")])
    services.order_pay(order=order)
    holder = client_for(reader)
    assert secret in holder.get(briefing.url).content.decode()
    # The anonymous page, cached or not, still never has it.
    assert secret not in client.get(briefing.url).content.decode()
    code = order.tickets.get().code
    assert stranger.get(f"/tickets/{code}/").status_code == 404
    assert holder.get(f"/tickets/{code}/").status_code == 200


def test_calendars_are_valid_icalendar(client, conference):
    from icalendar import Calendar

    response = client.get(f"/events/{conference.pk}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == conference.title
    assert event.decoded("dtstart") == conference.starts_at
    feed = Calendar.from_ical(client.get("/events/calendar.ics").content)
    titles = {str(e["summary"]) for e in feed.walk("VEVENT")}
    assert "Circuit East AI Summit" in titles and "Founders' meetup, spring edition" not in titles


def test_sold_out_page_offers_the_waitlist(client_for, small_event, general, make_member):
    services.order_start(
        event=small_event, ticket_type=general, user=make_member("a@example.com"), quantity=3
    )
    client = client_for(make_member("late@example.com"))
    html = client.get(small_event.url).content.decode()
    assert "Sold out" in html and "Join the waitlist" in html
    response = client.post(f"/tickets/waitlist/{general.pk}/", follow=True)
    assert "You are on the waitlist" in response.content.decode()


def test_staff_pages_sales_csv_cancel_and_check_in(client_for, conference, general, paying, staff_user, pay):
    order = pay(services.order_start(event=conference, ticket_type=general, user=paying, quantity=1))
    ticket = order.tickets.get()
    Ticket.objects.filter(pk=ticket.pk).update(attendee_name="=HYPERLINK(evil)")
    staff = client_for(staff_user)
    html = staff.get(f"/admin/events/{conference.pk}/").content.decode()
    assert "General admission" in html and order.reference in html and "$120" in html
    csv_text = staff.get(f"/admin/events/{conference.pk}/attendees.csv").content.decode()
    assert ticket.code in csv_text and "'=HYPERLINK" in csv_text
    response = staff.post(f"/admin/events/{conference.pk}/check-in/", {"code": ticket.code})
    assert response.status_code == 200 and "Welcome" in response.content.decode()
    response = staff.post(f"/admin/events/{conference.pk}/check-in/", {"code": ticket.code})
    assert response.status_code == 400 and "Already checked in" in response.content.decode()
    response = staff.post(f"/admin/events/{conference.pk}/check-in/", {"code": "FORGED1234"})
    assert response.status_code == 400 and "No ticket has this code" in response.content.decode()
    staff.post(f"/admin/events/orders/{order.pk}/cancel/", {"refund": "1"})
    order.refresh_from_db()
    assert order.state == "refunded"
    assert staff.get("/admin/events/").status_code == 200
    assert client_for(paying).get("/admin/events/").status_code in (302, 403)


def test_editors_get_the_event_editor_and_promo_codes(client_for, conference, staff_user):
    staff = client_for(staff_user)
    index = conference.get_parent()
    assert staff.get(f"/admin/pages/add/events/eventpage/{index.pk}/").status_code == 200
    html = staff.get(f"/admin/pages/{conference.pk}/edit/").content.decode()
    assert "General admission" in html and "member_early_access_hours" in html
    assert staff.get("/admin/event_promo_codes/").status_code == 200


def test_event_validation_says_what_is_wrong(conference):
    from django.core.exceptions import ValidationError

    conference.ends_at = conference.starts_at.replace(year=conference.starts_at.year - 1)
    conference.time_zone = "Mars/Olympus"
    with pytest.raises(ValidationError) as error:
        conference.full_clean()
    assert set(error.value.message_dict) >= {"time_zone"}
    conference.time_zone = "Asia/Shanghai"
    with pytest.raises(ValidationError) as error:
        conference.full_clean()
    assert "ends_at" in error.value.message_dict


def test_a_ticket_type_with_orders_cannot_be_deleted_in_the_editor(
    client_for, conference, general, paying, staff_user
):
    from wagtail.test.utils.form_data import querydict_from_html

    services.order_start(event=conference, ticket_type=general, user=paying, quantity=1)
    staff = client_for(staff_user)
    url = f"/admin/pages/{conference.pk}/edit/"
    data = querydict_from_html(staff.get(url).content.decode(), form_id="page-edit-form")
    prefix = next(
        key[: -len("-id")]
        for key, value in data.items()
        if key.startswith("ticket_types-") and value == str(general.pk)
    )
    data[f"{prefix}-DELETE"] = "1"
    response = staff.post(url, data)
    assert response.status_code == 200
    assert "has orders and cannot be deleted" in response.content.decode()
    assert conference.ticket_types.filter(pk=general.pk).exists()
    # Without the deletion, the same form saves.
    del data[f"{prefix}-DELETE"]
    assert staff.post(url, data).status_code == 302


def test_a_waitlist_offer_link_buys_the_held_ticket(
    client_for, small_event, general, make_member, staff_user, pay
):
    from masthead.events.models import WaitlistEntry

    order = pay(
        services.order_start(
            event=small_event, ticket_type=general, user=make_member("b@example.com"), quantity=3
        )
    )
    waiting = make_member("w@example.com")
    client = client_for(waiting)
    client.post(f"/tickets/waitlist/{general.pk}/")
    services.order_cancel(order=order, actor=staff_user, refund=True)
    entry = WaitlistEntry.objects.get(user=waiting)
    assert entry.state == "offered"
    html = client.get(f"/tickets/offer/{entry.token}/").content.decode()
    assert "held for you" in html
    response = client.post(f"/tickets/buy/{general.pk}/", {"offer": entry.token, "quantity": "1"})
    mine = Order.objects.get(user=waiting)
    assert response["Location"] == f"/tickets/order/{mine.pk}/" and mine.waitlist_entry_id == entry.pk
    assert "not valid any more" in client.get(f"/tickets/offer/{entry.token}/").content.decode()
