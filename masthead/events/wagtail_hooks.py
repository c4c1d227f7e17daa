"""Events in the Wagtail admin: sales per event, orders, check-in, promo codes."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .models import PromoCode


class PromoCodeViewSet(ModelViewSet):
    model = PromoCode
    icon = "pick"
    menu_label = _("Event promo codes")
    add_to_admin_menu = False
    list_display = [
        "code",
        "event",
        "kind",
        "value",
        "max_uses",
        "expires_at",
        "combinable_with_member_price",
    ]
    list_filter = ["kind"]
    search_fields = ["code"]
    search_backend_name = None
    form_fields = ["event", "code", "kind", "value", "max_uses", "expires_at", "combinable_with_member_price"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_promo_codes():
    return PromoCodeViewSet("event_promo_codes")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("events/", admin_views.event_list, name="events_admin"),
        path("events/<int:pk>/", admin_views.event_detail, name="events_admin_event"),
        path("events/<int:pk>/attendees.csv", admin_views.attendees_csv, name="events_admin_csv"),
        path("events/<int:pk>/check-in/", admin_views.check_in, name="events_admin_check_in"),
        path("events/orders/<uuid:pk>/cancel/", admin_views.order_cancel, name="events_admin_cancel"),
    ]


class EventsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("events.view_order")


class CheckInMenuItem(MenuItem):
    """Door staff: the same list of events, with check-in and nothing about sales."""

    def is_shown(self, request):
        user = request.user
        return user.has_perm("events.change_ticket") and not user.has_perm("events.view_order")


@hooks.register("register_admin_menu_item")
def register_events_menu():
    return EventsMenuItem(_("Event sales"), reverse("events_admin"), icon_name="date", order=450)


@hooks.register("register_admin_menu_item")
def register_check_in_menu():
    return CheckInMenuItem(_("Event check-in"), reverse("events_admin"), icon_name="tick", order=451)
