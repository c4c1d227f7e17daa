"""Access is per story, not per language (issue 20): a translated pair shares the meter."""

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from masthead.access.models import MeterRead
from masthead.access.policy import Meter, decide
from masthead.access.readers import current_month, load_reader
from masthead.access.services import meter_record_read

from .test_no_leaks import secret_of

pytestmark = pytest.mark.django_db


def test_the_meter_counts_a_translated_pair_once(demo, paywall, reader_user, translate):
    english = demo.article(access_level="premium", language="en")
    chinese = translate(english)
    client = Client()
    client.force_login(reader_user)
    assert escape(secret_of(english)) in client.get(english.url).content.decode()
    assert escape(secret_of(english)) in client.get(chinese.url).content.decode()
    assert MeterRead.objects.filter(user=reader_user).count() == 1
    # The other free read this month is still there for another story.
    now = timezone.now()
    reader = load_reader(reader_user, now)
    other = demo.articles.filter(access_level="premium", language="en").exclude(pk=english.pk).first()
    decision = decide(
        reader, other, now, meter=Meter(paywall.monthly_free_articles), month=current_month(now)
    )
    assert decision.full and decision.consumes_meter and decision.meter_remaining == 0


def test_reading_the_translation_first_counts_for_the_original(demo, paywall, reader_user, translate):
    english = demo.article(access_level="premium", language="en")
    chinese = translate(english)
    now = timezone.now()
    assert meter_record_read(user=reader_user, article=chinese, limit=1, now=now)
    assert meter_record_read(user=reader_user, article=english, limit=1, now=now)  # already counted
    other = demo.articles.filter(access_level="premium").exclude(pk__in=[english.pk, chinese.pk]).first()
    assert not meter_record_read(user=reader_user, article=other, limit=1, now=now)


def test_a_paying_member_reads_both_editions(demo, paying_user, translate):
    english = demo.article(access_level="premium", language="en")
    chinese = translate(english)
    client = Client()
    client.force_login(paying_user)
    for article in (english, chinese):
        assert escape(secret_of(english)) in client.get(article.url).content.decode()
