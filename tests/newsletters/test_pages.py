"""Readers' pages: the signup box, double opt-in, one-click unsubscribe, manage, account panel,
archive and web versions (respecting access), engagement counters, and provider webhooks."""

import base64
import json
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from masthead.newsletters.models import Delivery, Issue, Subscriber, Suppression
from masthead.newsletters.sending import deliver_issue

from .conftest import premium_secret

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def sent_issue(make_issue, letter, **fields):
    issue = make_issue(letter, **fields)
    issue.status, issue.finished_at = Issue.Status.SENT, timezone.now()
    issue.save()
    return issue


# --- Signup box and double opt-in ------------------------------------------------------------
def test_the_signup_box_is_the_same_for_every_anonymous_reader_and_pages_stay_cacheable(demo, free_letter):
    article = demo.article(access_level="public")
    for url in ("/", article.url):
        first, second = Client().get(url), Client().get(url)
        assert first.status_code == 200
        assert "public" in first["Cache-Control"]
        assert 'action="/newsletters/signup/"' in first.content.decode()
        assert free_letter.name in first.content.decode()
        box = re.search(r'<aside class="newsletter-signup.*?</aside>', first.content.decode(), re.S).group(0)
        assert "csrfmiddlewaretoken" not in box
        assert box in second.content.decode()


def test_email_only_signup_needs_confirmation(free_letter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            reverse("newsletters:signup"), {"email": "New.Reader@Example.com", "newsletter": [free_letter.pk]}
        )
        assert response.status_code == 302
    assert not Subscriber.objects.filter(email="new.reader@example.com").exists()  # nothing until confirmed
    (message,) = mail.outbox
    assert message.to == ["new.reader@example.com"]
    link = re.search(r"http://[^\s]+/newsletters/confirm/[^\s]+/", message.body).group(0)
    path = link.split("8000", 1)[1]
    page = Client().get(path)
    assert page.status_code == 200 and "Confirm my subscription" in page.content.decode()
    assert not Subscriber.objects.filter(email="new.reader@example.com").exists()  # a GET confirms no one
    done = Client().post(path)
    assert done.status_code == 200 and "subscribed" in done.content.decode()
    subscriber = Subscriber.objects.get(email="new.reader@example.com")
    assert subscriber.confirmed_at and subscriber.subscriptions.get().newsletter == free_letter
    assert Client().post(path).status_code == 200  # a second click changes nothing
    assert subscriber.subscriptions.count() == 1


def test_signup_form_errors_honeypot_and_rate_limit(free_letter, django_capture_on_commit_callbacks):
    bad = Client().post(
        reverse("newsletters:signup"), {"email": "not-an-address", "newsletter": [free_letter.pk]}
    )
    assert bad.status_code == 400 and "Enter a valid email address" in bad.content.decode()
    none = Client().post(reverse("newsletters:signup"), {"email": "a@example.com"})
    assert none.status_code == 400 and "Choose at least one newsletter" in none.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        bot = Client().post(
            reverse("newsletters:signup"),
            {"email": "bot@example.com", "newsletter": [free_letter.pk], "website": "http://spam"},
        )
        assert bot.status_code == 302
    assert mail.outbox == []
    statuses = [
        Client()
        .post(reverse("newsletters:signup"), {"email": "victim@example.com", "newsletter": [free_letter.pk]})
        .status_code
        for _ in range(5)
    ]
    assert statuses[:3] == [302, 302, 302] and statuses[3:] == [400, 400]


def test_confirming_anew_lifts_a_suppression(free_letter):
    from masthead.newsletters.services import signup_confirm, signup_request, suppress

    suppress(email="back@example.com", reason="bounced")
    token = signup_request(email="back@example.com", newsletter_ids=[free_letter.pk])
    signup_confirm(token=token)
    assert not Suppression.objects.filter(email="back@example.com").exists()


def test_a_forged_confirmation_link_is_refused():
    response = Client().post(reverse("newsletters:confirm", args=["forged-token"]))
    assert response.status_code == 400 and "not valid" in response.content.decode()


# --- Unsubscribe ------------------------------------------------------------------------------
def test_one_click_unsubscribe_by_rfc8058_post_needs_no_sign_in(free_letter, email_only):
    subscriber = email_only("leaving@example.com", free_letter)
    url = reverse("newsletters:unsubscribe", args=[subscriber.token, free_letter.slug])
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not subscriber.subscriptions.get().active


def test_the_unsubscribe_link_unsubscribes_with_one_click_in_a_browser(free_letter, email_only):
    subscriber = email_only("clicker@example.com", free_letter)
    url = reverse("newsletters:unsubscribe", args=[subscriber.token, free_letter.slug])
    page = Client().get(url)
    assert page.status_code == 200 and "requestSubmit" in page.content.decode()
    assert subscriber.subscriptions.get().active  # a link scanner's GET changes nothing
    done = Client().post(url)
    assert "You will not receive Test Briefing any more." in done.content.decode()
    assert not subscriber.subscriptions.get().active
    assert (
        Client().post(reverse("newsletters:unsubscribe", args=["nope", free_letter.slug])).status_code == 400
    )


def test_the_manage_page_changes_choices_without_sign_in(free_letter, email_only):
    subscriber = email_only("manager@example.com", free_letter)
    url = reverse("newsletters:manage", args=[subscriber.token])
    assert Client().get(url).status_code == 200
    Client().post(url, {})
    assert not subscriber.subscriptions.get().active
    Client().post(url, {"newsletter": [free_letter.pk]})
    assert subscriber.subscriptions.get().active
    assert Client().get(reverse("newsletters:manage", args=["unknown"])).status_code == 404


# --- Account page -----------------------------------------------------------------------------
def test_members_choose_newsletters_on_the_account_page(free_letter, paid_letter, make_member):
    member = make_member("chooser")
    client = signed_in(member)
    page = client.get(reverse("members:account")).content.decode()
    assert "Test Deals" in page and "Test Briefing" in page
    response = client.post(
        reverse("newsletters:account_choices"), {"newsletter": [free_letter.pk, paid_letter.pk]}
    )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(user=member)
    assert set(
        subscriber.subscriptions.filter(ended_at__isnull=True).values_list("newsletter", flat=True)
    ) == {
        free_letter.pk,
        paid_letter.pk,
    }
    page = client.get(reverse("members:account")).content.decode()
    assert "Paused: this newsletter is for paying members" in page


def test_new_members_get_only_the_offered_newsletters_they_ticked(
    free_letter, paid_letter, django_user_model
):
    from masthead.newsletters.services import subscribe_new_member

    free_letter.subscribe_new_members = True
    free_letter.save()
    user = django_user_model.objects.create_user("newbie", "newbie@example.com", None)
    assert subscribe_new_member(user=user, newsletter_ids=[]) == 0  # nothing ticked: nothing
    subscribe_new_member(user=user, newsletter_ids=[free_letter.pk, paid_letter.pk])  # paid is not offered
    chosen = Subscriber.objects.get(user=user).subscriptions.values_list("newsletter__slug", flat=True)
    assert free_letter.slug in chosen and "test-deals" not in chosen


# --- Archive and web versions -----------------------------------------------------------------
def test_the_web_version_respects_access(free_letter, make_issue, make_member, articles):
    _public, premium = articles
    secret = premium_secret(premium)
    issue = sent_issue(make_issue, free_letter)
    url = reverse("newsletters:issue", args=[free_letter.slug, issue.pk])
    anonymous = Client().get(url)
    assert anonymous.status_code == 200 and "public" in anonymous["Cache-Control"]
    assert secret not in anonymous.content.decode()
    paying = signed_in(make_member("webpayer", paying=True)).get(url)
    assert secret in paying.content.decode() and "private" in paying["Cache-Control"]
    free = signed_in(make_member("webfree")).get(url)
    assert secret not in free.content.decode()


def test_the_archive_of_a_paid_newsletter_is_for_paying_members(paid_letter, make_issue, make_member):
    issue = sent_issue(make_issue, paid_letter)
    archive = reverse("newsletters:archive", args=[paid_letter.slug])
    web = reverse("newsletters:issue", args=[paid_letter.slug, issue.pk])
    assert Client().get(archive).status_code == 403
    assert Client().get(web).status_code == 403
    assert issue.subject not in Client().get(archive).content.decode()
    payer = signed_in(make_member("archpayer", paying=True))
    assert issue.subject in payer.get(archive).content.decode()
    assert payer.get(web).status_code == 200
    draft = make_issue(paid_letter, subject="Not yet")
    assert payer.get(reverse("newsletters:issue", args=[paid_letter.slug, draft.pk])).status_code == 404


# --- Engagement -------------------------------------------------------------------------------
def test_open_and_click_tracking_when_switched_on(free_letter, email_only, make_issue):
    free_letter.track_engagement = True
    free_letter.save()
    email_only("tracked@example.com", free_letter)
    issue = make_issue(free_letter)
    issue.status = Issue.Status.SENDING
    issue.save()
    deliver_issue(issue_id=issue.pk)
    html = mail.outbox[0].alternatives[0][0]
    pixel = re.search(r'src="http://127.0.0.1:8000(/newsletters/o/[^"]+)"', html).group(1)
    click = (
        re.search(r'href="http://127.0.0.1:8000(/newsletters/c/[^"]+)"', html).group(1).replace("&amp;", "&")
    )
    assert Client().get(pixel)["Content-Type"] == "image/gif"
    response = Client().get(click)
    assert response.status_code == 302 and response["Location"].startswith("http")
    delivery = Delivery.objects.get(issue=issue)
    assert delivery.opened_at and delivery.clicked_at
    tampered = click.replace("s=", "s=x")
    assert Client().get(tampered).status_code == 404


def test_tracking_is_off_by_default(free_letter, email_only, make_issue):
    email_only("untracked@example.com", free_letter)
    issue = make_issue(free_letter)
    issue.status = Issue.Status.SENDING
    issue.save()
    deliver_issue(issue_id=issue.pk)
    html = mail.outbox[0].alternatives[0][0]
    assert "/newsletters/o/" not in html and "/newsletters/c/" not in html


# --- Provider webhooks ------------------------------------------------------------------------
def test_a_bounce_webhook_suppresses_the_address(settings, free_letter, email_only, make_issue):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:secret"}
    settings.MASTHEAD_ESP = "postmark"  # EMAIL_URL=anymail://postmark
    email_only("bouncy@example.com", free_letter)
    payload = {
        "RecordType": "Bounce",
        "Type": "HardBounce",
        "TypeCode": 1,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": "Bouncy@example.com",
        "BouncedAt": "2026-01-01T10:00:00Z",
        "Description": "The server was unable to deliver your message",
        "Details": "smtp;550 5.1.1 unknown user",
    }
    auth = "Basic " + base64.b64encode(b"hook:secret").decode()
    url = "/newsletters/anymail/postmark/tracking/"
    assert Client().post(url, json.dumps(payload), content_type="application/json").status_code == 400
    response = Client().post(
        url, json.dumps(payload), content_type="application/json", HTTP_AUTHORIZATION=auth
    )
    assert response.status_code == 200
    assert Suppression.objects.get(email="bouncy@example.com").reason == "bounced"
    complaint = dict(payload, RecordType="SpamComplaint", Email="angry@example.com", Type="SpamComplaint")
    Client().post(url, json.dumps(complaint), content_type="application/json", HTTP_AUTHORIZATION=auth)
    assert Suppression.objects.get(email="angry@example.com").reason == "complained"
    issue = make_issue(free_letter)
    issue.status = Issue.Status.SENDING
    issue.save()
    deliver_issue(issue_id=issue.pk)
    assert mail.outbox == []  # the suppressed address is not mailed


def test_signed_in_members_are_not_asked_for_their_address_again(make_member, free_letter, demo):
    free_letter.in_signup_box = True
    free_letter.save()
    member = make_member("boxed")
    client = signed_in(member)
    page = client.get(demo.article(access_level="public").url).content.decode()
    box = page.split('id="nl-signup-title"', 1)[1].split("</aside>", 1)[0]
    assert 'name="email"' not in box and "boxed@example.com" in box
    assert f'value="{free_letter.pk}"' in box and " checked" not in box
    response = client.post(
        reverse("newsletters:member_subscribe"), {"newsletter": [free_letter.pk], "next": "/"}
    )
    assert response.status_code == 302 and response["Location"] == "/"
    subscriber = Subscriber.objects.get(user=member)
    assert free_letter.pk in subscriber.subscriptions.filter(ended_at__isnull=True).values_list(
        "newsletter", flat=True
    )
    page = client.get(demo.article(access_level="public").url).content.decode()
    assert f'value="{free_letter.pk}"' not in page.split('id="nl-signup-title"', 1)[-1]


def test_the_visitors_box_ticks_nothing_for_them(client, demo):
    page = client.get("/").content.decode()
    box = page.split('id="nl-signup-title"', 1)[1].split("</aside>", 1)[0]
    assert 'name="email"' in box and " checked" not in box
