"""The Analytics section in the Wagtail admin: its pages, menu, home panel, permissions and the
exchange rates staff set for the reporting currency."""

from django.contrib.auth.models import Permission
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet

from . import charts, reports, views
from .models import ExchangeRate
from .tables import Money

urls = [
    path("", views.section, name="index"),
    path("<slug:name>/", views.section, name="section"),
]


@hooks.register("register_admin_urls")
def register_analytics_urls():
    return [path("analytics/", include((urls, "analytics_admin"), namespace="analytics_admin"))]


class AnalyticsMenuItem(MenuItem):
    def __init__(self, *args, needs_revenue=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_revenue = needs_revenue

    def is_shown(self, request):
        return views.may_view_revenue(request.user) if self.needs_revenue else views.may_view(request.user)


class AnalyticsSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return views.may_view(request.user)


@hooks.register("register_admin_menu_item")
def register_analytics_menu():
    items = [
        AnalyticsMenuItem(
            label,
            reverse("analytics_admin:section", args=[key]),
            name=f"analytics-{key}",
            icon_name="table",
            order=i,
            needs_revenue=needs_revenue,
        )
        for i, (key, label, needs_revenue) in enumerate(views.SECTIONS)
    ]
    return AnalyticsSubmenu(_("Analytics"), Menu(items=items), name="analytics", icon_name="table", order=250)


@hooks.register("register_permissions")
def register_analytics_permissions():
    return Permission.objects.filter(
        content_type__app_label="analytics", codename__in=["view_dashboard", "view_revenue"]
    )


class ExchangeRateViewSet(ModelViewSet):
    model = ExchangeRate
    icon = "cog"
    menu_label = _("Exchange rates")
    add_to_settings_menu = True
    form_fields = ["currency", "rate"]
    list_display = ["currency", "rate", "updated_at"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_exchange_rates():
    return ExchangeRateViewSet("analytics_rates", url_prefix="exchange-rates")


class AnalyticsPanel(Component):
    """On the admin home page: the week in figures, with a link to the Analytics section."""

    name = "analytics_summary"
    order = 40

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        rng = reports.Range.last_days(7)
        content = reports.content(rng, limit=3)
        mem = reports.members(reports.Range.last_days(30))
        figures = [
            (_("Page views, 7 days"), f"{content['pageviews']:,}"),
            (_("Paying members"), f"{mem['paying']:,}"),
            (_("Trialing"), f"{mem['trialing']:,}"),
        ]
        if views.may_view_revenue(self.request.user):
            rev = reports.revenue(reports.Range.last_days(7))
            figures.insert(0, (_("MRR"), str(Money(rev["mrr_converted"], rev["reporting_currency"]))))
        return render_to_string(
            "analytics/home_panel.html",
            {
                "figures": figures,
                "sparkline": charts.sparkline(content["daily_views"].values()),
                "top": content["top_articles"],
                "url": reverse("analytics_admin:index"),
            },
        )


@hooks.register("construct_homepage_panels")
def add_analytics_panel(request, panels):
    if views.may_view(request.user):
        panels.append(AnalyticsPanel(request))
