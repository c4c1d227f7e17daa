"""The membership pages readers use: pricing, checkout, the account panel, offers, gifts and teams."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from masthead.access.models import Grant
from masthead.billing.models import GiftMembership, Group, GroupSeat, Offer, Payment, Price, Subscription
from masthead.billing.providers.testmode import run_due

from .conftest import DECLINED_CARD, GOOD_CARD, is_paying

pytestmark = pytest.mark.django_db
CARD = {"name": "Li Na", "card_number": GOOD_CARD, "expiry": "12/39", "cvc": "123"}


@pytest.fixture
def signed_in(member):
    client = Client()
    client.force_login(member)
    return client


def test_the_pricing_page_shows_plans_benefits_toggle_and_saving(client, individual):
    page = client.get(reverse("billing:pricing")).content.decode()
    assert "Individual" in page and "Team" in page
    assert "Full access to premium articles" in page
    assert "$9" in page and "a month" in page and "Start your free trial" in page
    assert "TEST MODE" in page
    yearly = client.get(reverse("billing:pricing") + "?interval=year").content.decode()
    assert "$90" in yearly and "a year" in yearly and "Save 17%" in yearly
    cny = client.get(reverse("billing:pricing") + "?currency=CNY").content.decode()
    assert "¥68" in cny


def test_the_paywall_leads_to_pricing_and_remembers_the_article(client, demo):
    article = demo.article(access_level="premium")
    html = client.get(article.url).content.decode()
    link = re.search(r'href="(/membership/\?next=[^"]+)"', html).group(1)
    pricing = client.get(link.replace("&amp;", "&")).content.decode()
    assert (
        f"next={article.url}".replace("/", "%2F") in pricing.replace("&amp;", "&") or article.url in pricing
    )


def test_from_paywall_to_full_access_through_the_test_checkout(signed_in, member, monthly, demo):
    article = demo.article(access_level="premium", language="en")
    start = signed_in.get(reverse("billing:start"), {"price": monthly.pk, "next": article.url})
    assert start.status_code == 200 and "Free for 14 days" in start.content.decode()
    go = signed_in.post(reverse("billing:start"), {"price": monthly.pk, "next": article.url})
    assert go.status_code == 302 and "/membership/checkout/" in go["Location"]
    page = signed_in.get(go["Location"]).content.decode()
    assert "TEST MODE" in page and "4242 4242 4242 4242" in page
    declined = signed_in.post(go["Location"], {**CARD, "card_number": DECLINED_CARD})
    assert declined.status_code == 400 and "Your card was declined" in declined.content.decode()
    assert not Grant.objects.filter(user=member).exists()
    paid = signed_in.post(go["Location"], CARD)
    assert paid.status_code == 302
    back = signed_in.get(paid["Location"])
    assert back.status_code == 302 and back["Location"] == article.url, "the reader lands back on the article"
    html = signed_in.get(article.url).content.decode()
    assert "paywalled-content" in html and 'class="paywall"' not in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("card_number", "1234", "12 to 19 digits"),
        ("card_number", "4242 4242 4242 4241", "not valid"),
        ("expiry", "13/30", "MM/YY"),
        ("expiry", "01/20", "expired"),
        ("cvc", "1", "3 or 4 digits"),
    ],
)
def test_bad_card_details_get_clear_errors(signed_in, monthly, field, value, message):
    go = signed_in.post(reverse("billing:start"), {"price": monthly.pk})
    response = signed_in.post(go["Location"], {**CARD, field: value})
    assert response.status_code == 400 and message in response.content.decode()
    assert not Subscription.objects.exists()


def test_anonymous_readers_sign_up_before_paying(client, monthly):
    response = client.get(reverse("billing:start"), {"price": monthly.pk, "next": "/ai/"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_signup"))


def test_unknown_prices_and_bad_input_never_500(signed_in):
    for params in ({"price": "999999"}, {"price": "abc"}, {}):
        assert signed_in.get(reverse("billing:start"), params).status_code == 302
    assert signed_in.get("/membership/checkout/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert signed_in.post(reverse("billing:change_plan"), {"price": "x"}).status_code in (400, 404)


def subscribe_via_pages(client, price, card=GOOD_CARD, offer_code=""):
    go = client.post(reverse("billing:start"), {"price": price.pk, "offer_code": offer_code})
    assert go.status_code == 302, go.content.decode()[:3000]
    return client.post(go["Location"], {**CARD, "card_number": card})


def test_the_account_page_shows_the_membership_and_its_buttons(signed_in, member, monthly):
    subscribe_via_pages(signed_in, monthly)
    sub = Subscription.objects.get(user=member)
    run_due(now=sub.trial_end + timedelta(minutes=1))
    html = signed_in.get(reverse("members:account")).content.decode()
    assert "Individual" in html and "Active" in html
    assert "Next charge: $9 on" in html
    assert "Cancel membership" in html and "Switch to yearly" in html and "Update card" in html
    payment = Payment.objects.get(user=member)
    assert reverse("billing:receipt", args=[payment.pk]) in html
    receipt = signed_in.get(reverse("billing:receipt", args=[payment.pk])).content.decode()
    assert payment.receipt_number in receipt and "$9" in receipt
    assert Client().get(reverse("billing:receipt", args=[payment.pk])).status_code == 302


def test_cancel_and_resume_from_the_account_page(signed_in, member, monthly):
    subscribe_via_pages(signed_in, monthly)
    signed_in.post(reverse("billing:cancel"))
    html = signed_in.get(reverse("members:account")).content.decode()
    assert "Canceled: you keep full access until" in html and "Resume membership" in html
    assert is_paying(member, timezone.now() + timedelta(days=5))
    signed_in.post(reverse("billing:resume"))
    assert Subscription.objects.get(user=member).status == "trialing"


def test_switch_period_and_update_card_pages(signed_in, member, monthly, yearly):
    subscribe_via_pages(signed_in, monthly)
    signed_in.post(reverse("billing:switch"))
    assert Subscription.objects.get(user=member).price == yearly
    card = signed_in.get(reverse("billing:card"))
    assert card.status_code == 302 and "/card/test/" in card["Location"]
    bad = signed_in.post(card["Location"], {**CARD, "card_number": DECLINED_CARD})
    assert bad.status_code == 400
    ok = signed_in.post(card["Location"], {**CARD, "card_number": "4000 0000 0000 0341"})
    assert ok.status_code == 302
    assert Subscription.objects.get(user=member).test_card_behaviour == "decline"


# --- Offers -----------------------------------------------------------------------------------


def test_an_offer_code_discounts_the_first_payments(signed_in, member, monthly):
    offer = Offer.objects.get(code="WELCOME25")  # 25% off for three months
    subscribe_via_pages(signed_in, monthly, offer_code="welcome25")
    sub = Subscription.objects.get(user=member)
    assert sub.offer == offer
    offer.refresh_from_db()
    assert offer.redemptions == 1
    when = sub.trial_end + timedelta(minutes=1)
    amounts = []
    for _ in range(5):
        run_due(now=when)
        sub.refresh_from_db()
        amounts.append(Payment.objects.filter(user=member).order_by("-created_at").first().amount)
        when = sub.current_period_end + timedelta(minutes=1)
    assert amounts == [675, 675, 675, 900, 900]


def test_offer_links_and_bad_codes(client, signed_in, monthly):
    response = signed_in.get(reverse("billing:offer", args=["READMORE"]))
    assert response.status_code == 302
    start = signed_in.get(reverse("billing:start"), {"price": monthly.pk})
    assert 'value="READMORE"' in start.content.decode()
    unknown = signed_in.post(reverse("billing:start"), {"price": monthly.pk, "offer_code": "NOPE"})
    assert unknown.status_code == 400 and "We don" in unknown.content.decode()
    Offer.objects.filter(code="WELCOME25").update(expires_at=timezone.now() - timedelta(days=1))
    expired = signed_in.post(reverse("billing:start"), {"price": monthly.pk, "offer_code": "WELCOME25"})
    assert "That offer has ended" in expired.content.decode()
    Offer.objects.filter(code="WELCOME25").update(expires_at=None, max_redemptions=1, redemptions=1)
    used = signed_in.post(reverse("billing:start"), {"price": monthly.pk, "offer_code": "WELCOME25"})
    assert "fully used" in used.content.decode()
    assert client.get(reverse("billing:offer", args=["NOPE"])).status_code == 302


def test_an_extended_trial_offer(signed_in, member, monthly):
    subscribe_via_pages(signed_in, monthly, offer_code="READMORE")
    sub = Subscription.objects.get(user=member)
    assert (sub.trial_end - sub.started_at).days == 30


# --- Gifts ------------------------------------------------------------------------------------


def test_a_gift_membership_is_bought_claimed_and_does_not_renew(
    signed_in, member, make_member, individual, django_capture_on_commit_callbacks
):
    response = signed_in.post(
        reverse("billing:gift_buy"),
        {
            "plan": individual.pk,
            "months": 3,
            "currency": "USD",
            "recipient_email": "friend@example.com",
            "message": "Happy birthday!",
        },
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(response["Location"], CARD)
        gift = GiftMembership.objects.get()
        assert gift.months == 3 and gift.payment.amount == 2700
    invite = next(m for m in mail.outbox if m.to == ["friend@example.com"])
    claim_url = re.search(r"http://\S+/gift-membership/\S+/", invite.body).group(0)
    friend = make_member("friend@example.com")
    friend_client = Client()
    friend_client.force_login(friend)
    path = claim_url.split("://", 1)[1].split("/", 1)[1]
    page = friend_client.get("/" + path)
    assert "3 months of Individual" in page.content.decode() and "Happy birthday!" in page.content.decode()
    friend_client.post("/" + path)
    gift.refresh_from_db()
    assert gift.state == "claimed" and gift.claimed_by == friend
    now = timezone.now()
    assert is_paying(friend, now + timedelta(days=85))
    assert not is_paying(friend, now + timedelta(days=95)), "a gift does not renew"
    again = Client()
    again.force_login(make_member("someone@example.com"))
    assert "already been claimed" in again.post("/" + path).content.decode()


def test_gift_members_are_reminded_with_an_offer_before_the_gift_ends(
    member, individual, django_capture_on_commit_callbacks
):
    from masthead.billing.gifts import gift_claim, send_gift_reminders
    from masthead.billing.models import CheckoutSession

    price = individual.prices.get(interval="month", currency="USD")
    checkout = CheckoutSession.objects.create(
        email="buyer@example.com",
        kind="gift",
        price=price,
        amount_due=900,
        provider="test",
        gift_months=1,
        gift_recipient=member.email,
        created_at=timezone.now(),
    )
    gift = GiftMembership.objects.create(
        purchaser_email="buyer@example.com",
        recipient_email=member.email,
        plan=individual,
        months=1,
        checkout=checkout,
        created_at=timezone.now(),
    )
    gift_claim(token=gift.token, user=member)
    gift.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_gift_reminders(now=gift.ends_at - timedelta(days=20)) == 0
        assert send_gift_reminders(now=gift.ends_at - timedelta(days=3)) == 1
        assert send_gift_reminders(now=gift.ends_at - timedelta(days=2)) == 0
    reminder = mail.outbox[-1]
    assert (
        reminder.subject == "Your gift membership ends soon"
        and "/membership/offer/WELCOME25/" in reminder.body
    )


# --- Teams ------------------------------------------------------------------------------------


def test_a_team_buys_seats_invites_by_email_and_domain_and_removes_members(
    signed_in, member, make_member, django_capture_on_commit_callbacks
):
    team = Price.objects.get(plan__slug="team", interval="month", currency="USD")
    too_few = signed_in.post(reverse("billing:start"), {"price": team.pk, "quantity": 2})
    assert too_few.status_code == 400 and "greater than or equal to 3" in too_few.content.decode()
    go = signed_in.post(reverse("billing:start"), {"price": team.pk, "quantity": 3})
    signed_in.post(go["Location"], CARD)
    group = Group.objects.get(owner=member)
    assert group.seats == 3
    manage = signed_in.get(reverse("billing:group_manage"))
    assert manage.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(
            reverse("billing:group_manage"), {"action": "invite", "invite-email": "ana@fund.example"}
        )
    invite = next(m for m in mail.outbox if m.to == ["ana@fund.example"])
    join_path = "/" + re.search(r"http://\S+?/(join/\S+/)", invite.body).group(1)
    ana = make_member("ana@fund.example")
    ana_client = Client()
    ana_client.force_login(ana)
    ana_client.post(join_path)
    assert is_paying(ana, timezone.now() + timedelta(days=3))
    signed_in.post(
        reverse("billing:group_manage"),
        {"action": "settings", "team-name": "Fund team", "team-allowed_domain": "fund.example"},
    )
    group.refresh_from_db()
    bo = make_member("bo@fund.example")
    bo_client = Client()
    bo_client.force_login(bo)
    bo_client.post(reverse("billing:group_join_domain", args=[group.join_token]))
    assert is_paying(bo, timezone.now() + timedelta(days=3))
    outsider = make_member("cy@elsewhere.example")
    out_client = Client()
    out_client.force_login(outsider)
    refused = out_client.post(reverse("billing:group_join_domain", args=[group.join_token]))
    assert "Only addresses at fund.example" in refused.content.decode(), re.findall(
        r"form-errors.{0,300}", refused.content.decode(), re.S
    )
    full = signed_in.post(
        reverse("billing:group_manage"), {"action": "invite", "invite-email": "dee@fund.example"}, follow=True
    )
    assert "All seats in this group are taken" in full.content.decode()
    seat = GroupSeat.objects.get(group=group, user=ana)
    signed_in.post(reverse("billing:group_manage"), {"action": "remove", "seat": seat.pk})
    assert not is_paying(ana, timezone.now() + timedelta(minutes=1))
    # The team's membership ends: everyone loses access.
    from masthead.billing.services import subscription_end

    subscription_end(subscription=group.subscription, reason="test")
    assert not is_paying(bo, timezone.now() + timedelta(minutes=1))


def test_staff_run_memberships_from_the_admin(client, staff_user, member, monthly, subscribe):
    sub = subscribe(member, monthly)
    client.force_login(staff_user)
    for url in [
        "/admin/subscriptions/",
        "/admin/plans/",
        "/admin/offers/",
        "/admin/payments/",
        "/admin/gift_memberships/",
        "/admin/teams/",
        "/admin/provider_events/",
        "/admin/",
    ]:
        assert client.get(url).status_code == 200, url
    assert "Test mode" in client.get("/admin/").content.decode()
    inspect = client.get(f"/admin/subscriptions/inspect/{sub.pk}/")
    assert inspect.status_code == 200 and "Staff actions" in inspect.content.decode()
    client.post(f"/admin/subscriptions/{sub.pk}/action/", {"action": "end", "reason": "fraud"})
    sub.refresh_from_db()
    assert sub.status == "expired"
    from masthead.core.models import AuditEntry

    assert AuditEntry.objects.filter(
        code="billing.subscription.ended", actor=staff_user, reason="fraud"
    ).exists()
    assert escape(member.email) in client.get("/admin/subscriptions/").content.decode()


@pytest.mark.parametrize("path", ["/", "/pricing/", "/community/", "article"])
def test_a_production_site_in_test_mode_says_so_on_every_page(settings, client, demo, path):
    """PAYMENTS_TEST_MODE=1 in production (settings computes the banner flag; see
    tests/core/test_settings.py): anyone can "pay" with a test card, so every page says so."""
    settings.PAYMENTS_TEST_MODE_BANNER = True
    url = demo.article(access_level="premium").url if path == "article" else path
    html = client.get(url).content.decode()
    assert "this site takes no real payments" in html
    settings.PAYMENTS_TEST_MODE_BANNER = False
    assert "this site takes no real payments" not in client.get(url).content.decode()


def test_changing_plan_is_held_to_what_a_checkout_allows(signed_in, member, monthly):
    """A Team price below its minimum seats, or a price in another currency, is refused with a
    message; the membership stays as it was. With the seats in range the change goes through."""
    subscribe_via_pages(signed_in, monthly)
    team = Price.objects.get(plan__slug="team", interval="month", currency="USD", active=True)
    cny = Price.objects.get(plan__slug="individual", interval="year", currency="CNY", active=True)
    for price, seats, message in [
        (team, "", "Choose between 3 and"),
        (team, "1", "Choose between 3 and"),
        (cny, "", "Your membership is billed in USD"),
    ]:
        response = signed_in.post(
            reverse("billing:change_plan"), {"price": price.pk, "seats": seats}, follow=True
        )
        assert message in response.content.decode(), (price, seats)
        sub = Subscription.objects.get(user=member)
        assert sub.price == monthly and sub.quantity == 1
    signed_in.post(reverse("billing:change_plan"), {"price": team.pk, "seats": "3"})
    sub = Subscription.objects.get(user=member)
    assert sub.price == team and sub.quantity == 3
