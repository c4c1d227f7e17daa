"""The editor's preview shows an article as each kind of reader gets it, through the same access
policy as the live page — and a preview spends nothing and leaves no trace in shared caches."""

import re

import pytest
from django.test import Client, RequestFactory

from masthead.access.models import MeterRead
from masthead.content.body import plain_text, split_body
from masthead.content.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def paywall(demo):
    from masthead.access.models import PaywallSettings

    settings = PaywallSettings.for_site(demo.home.get_site())
    settings.monthly_free_articles = 2
    settings.save()
    return settings


@pytest.fixture
def premium(demo):
    return demo.article(access_level="premium", language="en")


def below_break(article):
    """A run of plain words from below the premium break (no markup or entity can split it)."""
    match = re.search(r"[A-Za-z][A-Za-z0-9 ]{38}[A-Za-z0-9]", plain_text(split_body(article.body)[1]))
    assert match
    return match.group(0)


def preview(article, mode, user):
    request = RequestFactory().get("/")
    request.user = user
    response = article.make_preview_request(original_request=request, preview_mode=mode)
    assert response.status_code == 200
    return response.content.decode()


def test_each_preview_mode_shows_what_that_reader_gets(premium, paywall, staff_user):
    secret = below_break(premium)
    assert set(dict(ArticlePage.preview_modes)) == {"paying", "anonymous", "member", "member_meter_spent"}

    paying = preview(premium, "paying", staff_user)
    assert secret in paying and 'class="paywall"' not in paying

    anonymous = preview(premium, "anonymous", staff_user)
    assert secret not in anonymous
    assert 'data-reason="membership_required"' in anonymous and "Sign up free" in anonymous

    member = preview(premium, "member", staff_user)  # a metered read: full text, with the notice
    assert secret in member and "You have 1 free premium article left this month." in member

    spent = preview(premium, "member_meter_spent", staff_user)
    assert secret not in spent and 'data-reason="meter_used_up"' in spent
    assert "Preview as: Free member, free articles used up" in spent
    assert not MeterRead.objects.exists()  # previewing never spends a free read


def test_a_members_article_previews_behind_the_sign_in_prompt_for_anonymous_readers(demo, staff_user):
    article = demo.article(access_level="members")
    anonymous = preview(article, "anonymous", staff_user)
    assert 'data-reason="sign_in_required"' in anonymous
    assert below_break(article) not in anonymous
    assert below_break(article) in preview(article, "member", staff_user)


def test_draft_text_in_a_preview_never_reaches_live_readers(premium, paying_user, staff_user):
    draft = premium.get_latest_revision_as_object()
    draft.body = list(draft.body.raw_data) + [
        {"type": "paragraph", "value": "<p>Unpublished-draft-sentence-9431.</p>"}
    ]
    draft.save_revision()
    draft = ArticlePage.objects.get(pk=premium.pk).get_latest_revision_as_object()
    for mode in ("paying", "anonymous"):
        preview(draft, mode, staff_user)
    assert "Unpublished-draft-sentence-9431" in preview(draft, "paying", staff_user)
    paying = Client()
    paying.force_login(paying_user)
    for client in (Client(), paying):
        live = client.get(premium.url).content.decode()
        assert "Unpublished-draft-sentence-9431" not in live
    assert below_break(premium) in paying.get(premium.url).content.decode()
