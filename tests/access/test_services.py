"""Grants, metered reads and gift links: state changes, audits and refusals."""

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone
from django.utils.html import escape

from masthead.access.errors import AccessRefused
from masthead.access.models import GiftLink, Grant, MeterRead
from masthead.access.readers import load_reader
from masthead.access.services import (
    gift_link_create,
    gift_link_open,
    gift_link_revoke,
    grant_complimentary,
    grant_create,
    grant_end,
    meter_record_read,
)
from masthead.core.models import AuditEntry

from ..factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
DAY = timezone.timedelta(days=1)


def test_a_grant_is_created_ended_and_audited_but_never_deleted(reader_user, staff_user):
    now = timezone.now()
    grant = grant_create(
        user=reader_user,
        level="premium",
        source="complimentary",
        ends_at=now + 30 * DAY,
        reason="partner",
        actor=staff_user,
        now=now,
    )
    assert load_reader(reader_user, now).is_paying(now)
    grant_end(grant=grant, actor=staff_user, reason="partnership over", now=now + DAY)
    assert not load_reader(reader_user, now + 2 * DAY).is_paying(now + 2 * DAY)
    assert Grant.objects.filter(pk=grant.pk).exists(), "ended grants stay, for history"
    codes = list(
        AuditEntry.objects.filter(member=reader_user).order_by("created_at").values_list("code", "actor")
    )
    assert codes == [("access.grant.created", staff_user.pk), ("access.grant.ended", staff_user.pk)]


def test_ending_a_grant_twice_changes_nothing_the_second_time(reader_user):
    now = timezone.now()
    grant = grant_create(user=reader_user, level="premium", source="subscription", now=now)
    grant_end(grant=grant, now=now + DAY)
    grant_end(grant=grant, now=now + 2 * DAY)
    grant.refresh_from_db()
    assert grant.ends_at == now + DAY
    assert AuditEntry.objects.filter(code="access.grant.ended").count() == 1


def test_complimentary_access_must_end_in_the_future(reader_user, staff_user):
    with pytest.raises(AccessRefused) as refused:
        grant_complimentary(user=reader_user, ends_at=timezone.now() - DAY, actor=staff_user, reason="x")
    assert "future" in refused.value.message


def test_a_metered_read_counts_once_per_article_and_stops_at_the_limit(demo, reader_user):
    premium = list(demo.articles.filter(access_level="premium")[:3])
    now = timezone.now()
    assert meter_record_read(user=reader_user, article=premium[0], limit=2, now=now)
    assert meter_record_read(user=reader_user, article=premium[0], limit=2, now=now)
    assert meter_record_read(user=reader_user, article=premium[1], limit=2, now=now)
    assert not meter_record_read(user=reader_user, article=premium[2], limit=2, now=now)
    assert MeterRead.objects.filter(user=reader_user).count() == 2
    next_month = (timezone.localtime(now).replace(day=1) + 32 * DAY).replace(day=2)
    assert meter_record_read(user=reader_user, article=premium[2], limit=2, now=next_month)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_racing_requests_cannot_read_past_the_meter(demo, django_user_model):
    """Eight threads, each reading a different premium article, with one free read left."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are a PostgreSQL matter; SQLite serialises writers")
    user = django_user_model.objects.create_user("racer", "racer@example.com", None)
    # Nine premium articles of the test's own (the test newsroom has fewer).
    articles = [
        ArticlePageFactory(parent=demo.sections["ai"], access_level="premium", title=f"Race story {n}")
        for n in range(9)
    ]
    meter_record_read(user=user, article=articles[0], limit=2)
    barrier = threading.Barrier(len(articles) - 1)
    results = []

    def read(article):
        try:
            barrier.wait()
            results.append(meter_record_read(user=user, article=article, limit=2))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=read, args=(a,)) for a in articles[1:]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(True) == 1
    assert MeterRead.objects.filter(user=user).count() == 2


def test_paying_members_create_gift_links_within_their_monthly_allowance(demo, paying_user, paywall):
    article = demo.article(access_level="premium")
    paywall.gift_links_per_month = 2
    link = gift_link_create(article=article, user=paying_user, settings=paywall)
    assert link.max_reads == paywall.gift_link_reads
    assert (link.expires_at - link.created_at).days == paywall.gift_link_days
    gift_link_create(article=article, user=paying_user, settings=paywall)
    with pytest.raises(AccessRefused) as refused:
        gift_link_create(article=article, user=paying_user, settings=paywall)
    assert refused.value.code == "gift.monthly_limit"


def test_free_members_cannot_create_gift_links_and_public_articles_need_none(
    demo, reader_user, paying_user, paywall
):
    with pytest.raises(AccessRefused) as refused:
        gift_link_create(article=demo.article(access_level="premium"), user=reader_user, settings=paywall)
    assert refused.value.code == "gift.not_paying"
    with pytest.raises(AccessRefused) as refused:
        gift_link_create(article=demo.article(access_level="public"), user=paying_user, settings=paywall)
    assert refused.value.code == "gift.not_premium"


def test_a_gift_link_counts_each_reader_once_and_stops_when_used_up(demo, paying_user, paywall):
    paywall.gift_link_reads = 2
    link = gift_link_create(article=demo.article(access_level="premium"), user=paying_user, settings=paywall)
    gift_link_open(token=link.token, reader_key="session:a")
    gift_link_open(token=link.token, reader_key="session:a")
    gift_link_open(token=link.token, reader_key="session:b")
    link.refresh_from_db()
    assert link.read_count == 2
    with pytest.raises(AccessRefused) as refused:
        gift_link_open(token=link.token, reader_key="session:c")
    assert refused.value.code == "gift.used_up"
    gift_link_open(token=link.token, reader_key="session:a")  # an admitted reader may come back


@pytest.mark.parametrize("case", ["forged", "expired", "revoked", "unpublished"])
def test_gift_links_that_no_longer_work_are_refused_with_a_reason(
    demo, paying_user, paywall, staff_user, case
):
    article = demo.article(access_level="premium")
    link = gift_link_create(article=article, user=paying_user, settings=paywall)
    now = timezone.now()
    token = link.token
    if case == "forged":
        token = link.token[:-2] + ("AA" if not link.token.endswith("AA") else "BB")
    elif case == "expired":
        now = link.expires_at + timezone.timedelta(seconds=1)
    elif case == "revoked":
        gift_link_revoke(link=link, actor=staff_user)
    elif case == "unpublished":
        article.unpublish()
    with pytest.raises(AccessRefused) as refused:
        gift_link_open(token=token, reader_key="session:x", now=now)
    expected = {
        "forged": "gift.not_found",
        "expired": "gift.expired",
        "revoked": "gift.revoked",
        "unpublished": "gift.article_unavailable",
    }[case]
    assert refused.value.code == expected
    assert GiftLink.objects.get(pk=link.pk).read_count == 0


def test_staff_see_and_withdraw_gift_links_in_the_admin(client, demo, paying_user, staff_user, paywall):
    link = gift_link_create(article=demo.article(access_level="premium"), user=paying_user, settings=paywall)
    client.force_login(staff_user)
    listing = client.get("/admin/gift_links/")
    assert listing.status_code == 200 and escape(link.article.title) in listing.content.decode()
    inspect = client.get(f"/admin/gift_links/inspect/{link.pk}/")
    assert inspect.status_code == 200 and "Withdraw this gift link" in inspect.content.decode()
    client.post(f"/admin/gift_links/{link.pk}/revoke/")
    link.refresh_from_db()
    assert link.revoked_at and link.revoked_by == staff_user
    assert AuditEntry.objects.filter(code="access.gift_link.revoked", actor=staff_user).exists()


def test_staff_create_gift_links_without_a_monthly_limit(demo, staff_user, paywall):
    paywall.gift_links_per_month = 1
    article = demo.article(access_level="premium")
    for _ in range(3):
        gift_link_create(article=article, user=staff_user, settings=paywall)
    assert GiftLink.objects.filter(created_by=staff_user).count() == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_racing_readers_cannot_open_a_gift_link_past_its_reads(demo, django_user_model):
    """Eight new readers open a gift link with two reads left at once: exactly two get in."""
    from masthead.access.models import GiftRead, PaywallSettings

    giver = django_user_model.objects.create_user("giver", "giver@example.com", None)
    grant_create(
        user=giver,
        level="premium",
        source="subscription",
        ends_at=timezone.now() + timezone.timedelta(days=30),
    )
    settings = PaywallSettings.for_site(demo.home.get_site())
    link = gift_link_create(article=demo.article(access_level="premium"), user=giver, settings=settings)
    GiftLink.objects.filter(pk=link.pk).update(max_reads=2)
    barrier = threading.Barrier(8)
    results = []

    def open_link(n):
        try:
            barrier.wait()
            try:
                gift_link_open(token=link.token, reader_key=f"session:racer{n}")
                results.append("read")
            except AccessRefused as refusal:
                results.append(refusal.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=open_link, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count("read") == 2 and results.count("gift.used_up") == 6
    assert GiftRead.objects.filter(link=link).count() == 2
    link.refresh_from_db()
    assert link.read_count == 2
