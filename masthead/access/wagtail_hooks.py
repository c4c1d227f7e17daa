"""Gift links in the Wagtail admin: staff see every link, its readers, and can withdraw it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import GiftLink
from .services import gift_link_revoke


class GiftLinkStateColumn(Column):
    def get_value(self, instance):
        if instance.revoked_at:
            return _("Withdrawn")
        if instance.expires_at <= timezone.now():
            return _("Expired")
        if instance.read_count >= instance.max_reads:
            return _("Used up")
        return _("Active")


class GiftLinkViewSet(ModelViewSet):
    model = GiftLink
    icon = "link"
    menu_label = _("Gift links")
    menu_order = 260
    add_to_admin_menu = True
    list_display = [
        "article",
        "created_by",
        "created_at",
        "expires_at",
        "read_count",
        "max_reads",
        GiftLinkStateColumn("state", label=_("State")),
    ]
    list_filter = ["created_at", "expires_at"]
    search_fields = ["article__title", "created_by__email"]
    search_backend_name = None
    form_fields = ["max_reads", "expires_at"]
    inspect_view_enabled = True
    inspect_template_name = "access/admin/gift_link_inspect.html"
    copy_view_enabled = False

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("<int:pk>/revoke/", self.revoke, name="revoke")]

    def revoke(self, request, pk):
        if not request.user.has_perm("access.change_giftlink"):
            raise PermissionDenied
        link = get_object_or_404(GiftLink, pk=pk)
        if request.method == "POST":
            gift_link_revoke(link=link, actor=request.user)
            messages.success(request, _("The gift link is withdrawn."))
        return redirect(reverse(f"{self.name}:inspect", args=[pk]))


gift_link_viewset = GiftLinkViewSet("gift_links")


@hooks.register("register_admin_viewset")
def register_gift_link_viewset():
    return gift_link_viewset
