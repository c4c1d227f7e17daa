"""The Analytics section of the admin: who may see what, every page and CSV, bad input."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from masthead.analytics.models import DailyMetric
from masthead.analytics.views import SECTIONS

pytestmark = pytest.mark.django_db


def permission(codename, app="analytics"):
    return Permission.objects.get(content_type__app_label=app, codename=codename)


@pytest.fixture
def figures(demo):
    """A day of rolled-up figures, including money."""
    today = timezone.localdate()
    article = demo.article(access_level="premium")
    rows = [
        ("pageviews.total", "", 120),
        ("visitors", "", 80),
        ("pageviews", str(article.pk), 100),
        ("readers", str(article.pk), 70),
        ("mrr", "USD", 123_456),
        ("mrr", "", 0),
        ("members.paying", "", 42),
        ("members.total", "", 50),
        ("paywall", f"{article.pk}|membership_required", 30),
        ("funnel.signup", f"{article.pk}|membership_required", 3),
        ("funnel.paid", f"{article.pk}|membership_required", 1),
        ("search.miss", "zzyzx", 2),
    ]
    DailyMetric.objects.bulk_create(DailyMetric(day=today, metric=m, key=k, value=v) for m, k, v in rows)
    return article


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to its home and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def staff(django_user_model, name, *perms, superuser=False):
    user = django_user_model.objects.create_user(
        name, f"{name}@example.com", "pw-" + name * 3, is_staff=True, is_superuser=superuser
    )
    group = Group.objects.create(name=f"group-{name}")
    group.permissions.add(permission("access_admin", "wagtailadmin"), *[permission(p) for p in perms])
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(django_user_model):
    """An editor who may read the dashboard but not revenue."""
    return staff(django_user_model, "ed", "view_dashboard")


@pytest.fixture
def finance(django_user_model):
    return staff(django_user_model, "fin", "view_dashboard", "view_revenue")


def test_anonymous_readers_are_sent_to_the_admin_login(client, figures):
    response = client.get("/admin/analytics/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_members_cannot_see_the_dashboard(client, reader_user, paying_user, figures):
    for user in (reader_user, paying_user):
        client.force_login(user)
        response = client.get("/admin/analytics/revenue/")
        assert response.status_code in (302, 403)
        assert b"1,234.56" not in response.content


def test_staff_without_the_permission_get_403(django_user_model, figures):
    client = staff(django_user_model, "writer2")
    assert refused(client.get("/admin/analytics/"))
    assert refused(client.get("/admin/analytics/content/?csv=articles"))
    followed = client.get("/admin/analytics/", follow=True).content.decode()
    assert "permission" in followed and "120" not in followed
    assert "Analytics" not in client.get("/admin/").content.decode()


def test_an_editor_without_the_revenue_permission_sees_readers_but_no_money(editor, figures):
    html = editor.get("/admin/analytics/").content.decode()
    assert "Page views" in html and "120" in html
    assert "$1,234.56" not in html and "MRR" not in html
    assert refused(editor.get("/admin/analytics/revenue/"))
    assert refused(editor.get("/admin/analytics/revenue/?csv=mrr"))
    assert 'href="/admin/analytics/revenue/"' not in html
    home = editor.get("/admin/").content.decode()
    assert "Open analytics" in home and "$1,234.56" not in home
    assert "Revenue" not in editor.get("/admin/analytics/events/").content.decode()


def test_finance_sees_revenue_with_the_money_formatted(finance, figures):
    html = finance.get("/admin/analytics/revenue/").content.decode()
    assert "$1,234.56" in html and "$14,814.72" in html  # MRR and ARR
    assert "<svg" in html and 'role="img"' in html
    assert "$1,234.56" in finance.get("/admin/").content.decode()


@pytest.mark.parametrize("section", [key for key, _label, _money in SECTIONS])
def test_every_section_renders_and_exports_every_table_as_csv(
    django_user_model, figures, section, all_queries
):
    client = staff(django_user_model, "boss", superuser=True)
    response = client.get(f"/admin/analytics/{section}/?days=90")
    assert response.status_code == 200
    tables = response.context["tables"]
    assert tables
    sql = " ".join(all_queries).lower()
    assert "analytics_dailymetric" in sql
    for forbidden in (
        "billing_payment",
        "billing_revenuechange",
        "access_grant",
        "newsletters_delivery",
        "events_order",
    ):
        assert forbidden not in sql, f"the dashboard read {forbidden} instead of the summary tables"
    for table in tables:
        export = client.get(f"/admin/analytics/{section}/?days=90&csv={table.name}")
        assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(export.content.decode())))
        assert rows[0] == [str(c) for c in table.columns]
        assert len(rows) == len(table.rows) + 1


def test_the_content_csv_has_the_figures(finance, figures):
    rows = list(
        csv.reader(io.StringIO(finance.get("/admin/analytics/content/?csv=articles").content.decode()))
    )
    assert rows[1] == [figures.title, figures.url, "100", "70"]
    rows = list(csv.reader(io.StringIO(finance.get("/admin/analytics/revenue/?csv=mrr").content.decode())))
    assert rows[1][:3] == ["USD", "1234.56 USD", "14814.72 USD"]


@pytest.mark.parametrize(
    "query",
    [
        "since=2026-13-45",
        "since=2026-03-01&until=2026-01-01",
        "since=1990-01-01&until=2026-01-01",
        "days=abc",
        "csv=nope",
    ],
)
def test_bad_ranges_explain_themselves_and_never_fail(finance, figures, query):
    response = finance.get(f"/admin/analytics/content/?{query}")
    if query == "csv=nope":
        assert response.status_code == 404
        return
    assert response.status_code == 200
    assert "Showing the last 30 days instead." in response.content.decode()


def test_an_unknown_section_is_not_found(finance):
    assert finance.get("/admin/analytics/nope/").status_code == 404


def test_staff_set_exchange_rates_in_the_admin_and_bad_rates_are_refused(django_user_model):
    from masthead.analytics.models import ExchangeRate

    client = staff(django_user_model, "money", superuser=True)
    assert client.get("/admin/exchange-rates/").status_code == 200
    response = client.post("/admin/exchange-rates/new/", {"currency": "CNY", "rate": "-1"})
    assert response.status_code == 200 and not ExchangeRate.objects.exists()
    assert "greater than or equal to" in response.content.decode()
    response = client.post("/admin/exchange-rates/new/", {"currency": "CNY", "rate": "0.1400"})
    assert response.status_code == 302
    assert str(ExchangeRate.objects.get(currency="CNY").rate) == "0.14000000"
