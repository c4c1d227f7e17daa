"""Events in a real browser: a paying member buys a discounted ticket in the members-only presale
with a test card and finds it on their account page; a non-member sees the presale as members
only with the saving; staff check the ticket in, and a second check-in is refused."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils import timezone
from playwright.sync_api import expect

from masthead.events.models import EventPage, Ticket

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in(page, user):
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY], store[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    page.goto("/")
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": store.session_key, "url": page.url}]
    )


def test_member_presale_purchase_account_page_and_check_in(new_page, demo, django_user_model, staff_password):
    from allauth.account.models import EmailAddress

    from masthead.access.services import grant_create

    event = EventPage.objects.get(slug="ai-summit")
    member = django_user_model.objects.create_user("eventgoer", "eventgoer@example.com", None)
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    grant_create(
        user=member, level="premium", source="complimentary", starts_at=timezone.now() - timedelta(days=1)
    )

    # A non-member: the presale is for members, and the page says what a member would save.
    visitor = new_page()
    visitor.goto(event.url)
    general = visitor.locator(".ticket-type", has_text="General admission")
    expect(general.locator(".status--presale")).to_contain_text("Members-only presale")
    expect(general.locator(".saving-pitch")).to_contain_text("Members save $30 per ticket")
    expect(general.locator("form.buy-form")).to_have_count(0)

    # The paying member buys at the member price with a test card.
    page = new_page()
    sign_in(page, member)
    page.goto(event.url)
    general = page.locator(".ticket-type", has_text="General admission")
    expect(general.locator(".member-price")).to_have_text("$120")
    general.get_by_role("button", name="Get tickets").click()
    expect(page.locator(".order-summary")).to_contain_text("$120")
    page.fill("input[name=name_0]", "Eve Goer")
    page.get_by_role("button", name="Continue to payment").click()
    expect(page.locator(".test-banner")).to_contain_text("TEST MODE")
    page.fill("input[name=name]", "Eve Goer")
    page.fill("input[name=card_number]", "4242 4242 4242 4242")
    page.fill("input[name=expiry]", "12/39")
    page.fill("input[name=cvc]", "123")
    page.get_by_role("button", name="Pay").click()
    expect(page.locator(".ticket-card")).to_have_count(1)
    ticket = Ticket.objects.get(order__user=member)
    expect(page.locator(".ticket-code")).to_have_text(ticket.code)
    page.goto("/account/")
    expect(page.locator(".panel--events")).to_contain_text("Circuit East AI Summit")
    expect(page.locator(".panel--events")).to_contain_text(ticket.code)

    # Door staff (the demo's "door" account, check-in only): the first check-in passes, the second
    # is refused; sales stay out of their sight.
    staff = new_page()
    admin_login(staff, "door", staff_password)
    staff.get_by_role("link", name="Event check-in").click()
    expect(staff.locator("main")).not_to_contain_text("Revenue")
    staff.goto(f"/admin/events/{event.pk}/check-in/")
    staff.fill("input[name=code]", ticket.code.lower())
    staff.get_by_role("button", name="Check in", exact=True).click()
    expect(staff.locator(".checkin-result--ok")).to_contain_text("Welcome, Eve Goer")
    staff.fill("input[name=code]", ticket.code)
    staff.get_by_role("button", name="Check in", exact=True).click()
    expect(staff.locator(".checkin-result--refused")).to_contain_text("Already checked in")
