"""Loading what the policy needs costs nothing for anonymous readers and one query for members."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from masthead.access.policy import Meter, Reason, decide
from masthead.access.readers import current_month, load_reader
from masthead.access.services import grant_create, meter_record_read

pytestmark = pytest.mark.django_db


def test_an_anonymous_decision_costs_no_query(demo, django_assert_num_queries):
    article = demo.article(access_level="premium")
    now = timezone.now()
    with django_assert_num_queries(0):
        reader = load_reader(AnonymousUser(), now)
        decision = decide(reader, article, now, meter=Meter(3), month=current_month(now))
    assert decision.reason == Reason.MEMBERSHIP_REQUIRED


def test_a_member_decision_costs_one_query_however_much_history(demo, reader_user, django_assert_num_queries):
    now = timezone.now()
    premium = list(demo.articles.filter(access_level="premium")[:3])
    for article in premium[:2]:
        meter_record_read(user=reader_user, article=article, limit=5, now=now)
    grant_create(
        user=reader_user,
        level="premium",
        source="trial",
        starts_at=now - timezone.timedelta(days=60),
        ends_at=now - timezone.timedelta(days=30),
    )
    with django_assert_num_queries(1):
        reader = load_reader(reader_user, now)
        decision = decide(reader, premium[2], now, meter=Meter(3), month=current_month(now))
    assert reader.had_trial and reader.metered_article_ids == {a.translation_key for a in premium[:2]}
    assert decision.consumes_meter and decision.meter_remaining == 0


def test_a_paying_member_decision_costs_one_query(demo, paying_user, django_assert_num_queries):
    now = timezone.now()
    article = demo.article(access_level="premium")
    with django_assert_num_queries(1):
        decision = decide(load_reader(paying_user, now), article, now)
    assert decision.reason == Reason.PAYING


def test_the_benefits_page_leads_to_the_real_plans(client):
    response = client.get("/membership/benefits/?next=/ai/")
    assert response.status_code == 302 and response["Location"] == "/membership/?next=/ai/"
    pricing = client.get(response["Location"]).content.decode()
    assert "Membership plans open soon" not in pricing and "plan__price" in pricing
