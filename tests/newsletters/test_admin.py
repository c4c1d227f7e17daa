"""The Wagtail admin: compose, preview, test, send, schedule, progress — and clear refusals."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from masthead.newsletters.models import Issue

from .conftest import premium_secret

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(staff_user):
    client = Client()
    client.force_login(staff_user)
    return client


def act(client, issue, action, **data):
    response = client.post(
        reverse("newsletter_issues:action", args=[issue.pk]), {"action": action, **data}, follow=True
    )
    assert response.status_code == 200
    return response.content.decode()


def test_the_issue_page_shows_counts_actions_and_previews_each_variant(
    admin_client, free_letter, email_only, make_issue, articles
):
    email_only("one@example.com", free_letter)
    issue = make_issue(free_letter)
    page = admin_client.get(reverse("newsletter_issues:inspect", args=[issue.pk])).content.decode()
    assert "1 subscriber would receive it now." in page and "Send a test to me" in page
    secret = premium_secret(articles[1])
    free = admin_client.get(reverse("newsletter_issues:preview", args=[issue.pk, "free"]))
    full = admin_client.get(reverse("newsletter_issues:preview", args=[issue.pk, "full"]))
    assert secret not in free.content.decode() and secret in full.content.decode()
    assert free["X-Frame-Options"] == "SAMEORIGIN"
    text = admin_client.get(reverse("newsletter_issues:preview", args=[issue.pk, "free"]) + "?format=text")
    assert text["Content-Type"].startswith("text/plain")
    assert Client().get(reverse("newsletter_issues:preview", args=[issue.pk, "full"])).status_code == 302


def test_compose_an_issue_in_the_admin(admin_client, free_letter, articles):
    response = admin_client.get(reverse("newsletter_issues:add"))
    assert response.status_code == 200 and 'name="subject"' in response.content.decode()


def test_send_a_test_to_yourself_as_free_and_paying_reader(
    admin_client, free_letter, make_issue, articles, staff_user
):
    issue = make_issue(free_letter)
    page = act(admin_client, issue, "test")
    assert "Two test emails" in page
    subjects = sorted(m.subject for m in mail.outbox)
    assert len(subjects) == 2 and all(m.to == [staff_user.email] for m in mail.outbox)
    secret = premium_secret(articles[1])
    paying = next(m for m in mail.outbox if "paying" in m.subject)
    free = next(m for m in mail.outbox if "free" in m.subject)
    assert secret in paying.body and secret not in free.body
    assert Issue.objects.get(pk=issue.pk).status == "draft"


def test_send_now_shows_progress_and_final_counts(
    admin_client, free_letter, email_only, make_issue, django_capture_on_commit_callbacks
):
    for i in range(3):
        email_only(f"r{i}@example.com", free_letter)
    issue = make_issue(free_letter)
    with django_capture_on_commit_callbacks(execute=True):
        act(admin_client, issue, "send")
    issue.refresh_from_db()
    assert issue.status == "sent"
    progress = admin_client.get(reverse("newsletter_issues:progress", args=[issue.pk])).json()
    assert (progress["planned"], progress["sent"], progress["failed"], progress["status"]) == (
        3,
        3,
        0,
        "sent",
    )
    page = admin_client.get(reverse("newsletter_issues:inspect", args=[issue.pk])).content.decode()
    assert "Finished" in page and "Send now" not in page
    # A sent issue is a record: its edit page sends you back to its progress page.
    edit = admin_client.get(reverse("newsletter_issues:edit", args=[issue.pk]))
    assert edit.status_code == 302
    assert "already been sent" in act(admin_client, issue, "send")


def test_schedule_and_the_periodic_job_sends_when_due(
    admin_client, free_letter, email_only, make_issue, django_capture_on_commit_callbacks
):
    from masthead.newsletters.services import start_due_issues

    email_only("later@example.com", free_letter)
    issue = make_issue(free_letter)
    at = timezone.localtime(timezone.now() + timezone.timedelta(hours=2))
    assert "scheduled" in act(admin_client, issue, "schedule", at=at.strftime("%Y-%m-%dT%H:%M"))
    issue.refresh_from_db()
    assert issue.status == "scheduled"
    assert start_due_issues(now=timezone.now()) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert start_due_issues(now=timezone.now() + timezone.timedelta(hours=3)) == [issue.pk]
    issue.refresh_from_db()
    assert issue.status == "sent" and len(mail.outbox) == 1
    assert "future" in act(admin_client, make_issue(free_letter), "schedule", at="2001-01-01T10:00")


def test_a_newsletter_with_no_recipients_sends_nothing_and_says_why(admin_client, free_letter, make_issue):
    issue = make_issue(free_letter)
    page = act(admin_client, issue, "send")
    assert "No one would receive this issue" in page
    assert Issue.objects.get(pk=issue.pk).status == "draft"


def test_a_template_error_stops_the_send_with_a_clear_message(
    admin_client, free_letter, email_only, make_issue, monkeypatch
):
    from django.template import TemplateSyntaxError

    from masthead.newsletters import render

    email_only("x@example.com", free_letter)
    issue = make_issue(free_letter)

    def broken(*args, **kwargs):
        raise TemplateSyntaxError("Invalid block tag 'endfor'")

    monkeypatch.setattr(render, "render_to_string", broken)
    page = act(admin_client, issue, "send")
    assert "could not be rendered" in page and "Invalid block tag" in page
    assert Issue.objects.get(pk=issue.pk).status == "draft" and mail.outbox == []


def test_a_missing_provider_setting_is_reported(admin_client, settings, free_letter, email_only, make_issue):
    settings.EMAIL_BACKEND = "anymail.backends.postmark.EmailBackend"
    settings.ANYMAIL = {}
    email_only("y@example.com", free_letter)
    issue = make_issue(free_letter)
    page = act(admin_client, issue, "send")
    assert "The mail provider is not set up" in page and "POSTMARK" in page
    assert Issue.objects.get(pk=issue.pk).status == "draft"


def test_an_unreachable_smtp_server_is_reported(admin_client, settings, free_letter, email_only, make_issue):
    from masthead.core.email_config import email_settings_from_url

    from .conftest import free_port

    for name, value in email_settings_from_url(f"smtp://127.0.0.1:{free_port()}?timeout=2").items():
        setattr(settings, name, value)
    email_only("z@example.com", free_letter)
    page = act(admin_client, make_issue(free_letter), "send")
    assert "Could not reach the mail server" in page


def test_staff_suppress_an_address_and_it_is_audited(admin_client, staff_user):
    from masthead.core.models import AuditEntry
    from masthead.newsletters.models import Suppression

    response = admin_client.post(
        reverse("newsletter_suppressions:add"), {"email": "Blocked@example.com", "detail": "asked by phone"}
    )
    assert response.status_code == 302
    assert Suppression.objects.get(email="blocked@example.com").reason == "staff"
    assert AuditEntry.objects.filter(code="newsletters.address.suppressed", actor=staff_user).exists()


def test_the_preview_shows_a_real_readers_merge_values_never_raw_tags(
    admin_client, free_letter, email_only, make_issue, articles
):
    email_only("first@example.com", free_letter)
    email_only("named@example.com", free_letter, name="Mei Lin")
    issue = make_issue(free_letter)
    for variant in ("free", "full"):
        for fmt in ("", "?format=text"):
            body = admin_client.get(reverse("newsletter_issues:preview", args=[issue.pk, variant]) + fmt)
            text = body.content.decode()
            assert "@@MH_" not in text
            assert "Mei Lin" in text  # the first subscriber with a name
    Issue.objects.filter(pk=issue.pk).update(created_by=None)  # made by code, not by an editor
    page = admin_client.get(reverse("newsletter_issues:inspect", args=[issue.pk])).content.decode()
    assert "Personalised as named@example.com would receive it." in page
    assert not re.search(r">\s*None\s*<", page) and "Created by" not in page


def test_sending_is_reachable_from_the_issue_editor_and_saving_leads_there(
    admin_client, free_letter, make_issue, articles
):
    issue = make_issue(free_letter)
    inspect = reverse("newsletter_issues:inspect", args=[issue.pk])
    edit = admin_client.get(reverse("newsletter_issues:edit", args=[issue.pk])).content.decode()
    assert f'href="{inspect}"' in edit and "Preview and send" in edit
    page = admin_client.get(inspect).content.decode()
    assert "or schedule for (newsroom time, Asia/Shanghai)" in page


def test_a_scheduled_issue_shows_its_time_in_the_newsroom_zone(
    admin_client, free_letter, email_only, make_issue, articles
):
    email_only("one@example.com", free_letter)
    issue = make_issue(free_letter)
    act(admin_client, issue, "schedule", at="2031-03-05T09:30")
    issue.refresh_from_db()
    assert issue.status == "scheduled"
    assert timezone.localtime(issue.scheduled_at).strftime("%H:%M") == "09:30"
    page = admin_client.get(reverse("newsletter_issues:inspect", args=[issue.pk])).content.decode()
    assert "Scheduled for 5 March 2031, 09:30 (Asia/Shanghai time)." in page


def test_a_template_error_in_the_preview_is_a_clear_400(admin_client, free_letter, make_issue, monkeypatch):
    from django.template import TemplateSyntaxError

    from masthead.newsletters import render

    issue = make_issue(free_letter)

    def broken(*args, **kwargs):
        raise TemplateSyntaxError("Invalid block tag 'endfor'")

    monkeypatch.setattr(render, "render_to_string", broken)
    response = admin_client.get(reverse("newsletter_issues:preview", args=[issue.pk, "full"]))
    assert response.status_code == 400 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "could not be rendered" in text and "Invalid block tag" in text
