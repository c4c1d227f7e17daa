"""Readers write to journalists through a form; the address is never shown.

The message lands in the newsroom inbox as a thread assigned to the author (masthead.newsroom);
the author gets a notice at their private address.
"""

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def contact_url(author):
    return author.url + "contact/"


def test_a_reader_writes_to_an_author_and_it_lands_in_the_inbox(
    client, demo, django_capture_on_commit_callbacks
):
    from masthead.newsroom.models import Thread

    author = demo.authors["wang-lei"]
    page = client.get(contact_url(author))
    assert page.status_code == 200
    assert author.email not in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            contact_url(author),
            {
                "name": "Li Na",
                "email": "li.na@example.org",
                "message": "I have documents about the factory closure.",
            },
        )
    assert response.status_code == 302
    thread = Thread.objects.get(author=author)
    assert thread.kind == "author"
    assert thread.assignee_id == author.user_id
    assert thread.sender_email == "li.na@example.org"
    notice = [m for m in mail.outbox if m.to == [author.email]][-1]
    assert "documents about the factory" in notice.body
    assert "/admin/newsroom/" in notice.body
    assert author.email not in client.get(author.url).content.decode()


def test_the_form_explains_what_is_wrong_and_keeps_what_was_typed(client, demo):
    author = demo.authors["wang-lei"]
    response = client.post(
        contact_url(author), {"name": "Li Na", "email": "not-an-address", "message": "short"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert "Ensure this value has at least 10 characters" in html
    assert 'value="Li Na"' in html
    assert not mail.outbox


def test_bots_filling_the_honeypot_are_dropped_quietly(client, demo):
    author = demo.authors["wang-lei"]
    response = client.post(
        contact_url(author),
        {
            "name": "Bot",
            "email": "bot@example.org",
            "message": "Buy cheap watches now!!!",
            "website": "http://spam",
        },
    )
    assert response.status_code == 302
    assert not mail.outbox


def test_senders_are_rate_limited(client, demo):
    author = demo.authors["wang-lei"]
    data = {"name": "Li Na", "email": "li.na@example.org", "message": "A perfectly reasonable message."}
    from masthead.newsroom.models import Thread

    for _ in range(5):
        assert client.post(contact_url(author), data).status_code == 302
    response = client.post(contact_url(author), data)
    assert response.status_code == 400
    assert b"several messages recently" in response.content
    assert Thread.objects.filter(author=author).count() == 5
