"""The newsroom inbox in the Wagtail admin: the inbox, overdue view, thread pages, canned replies."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .models import CannedReply


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views._may_use_inbox(request.user)


class CannedReplyViewSet(ModelViewSet):
    model = CannedReply
    icon = "openquote"
    menu_label = _("Canned replies")
    add_to_admin_menu = False
    form_fields = ["title", "body"]
    list_display = ["title"]
    copy_view_enabled = False


canned_reply_viewset = CannedReplyViewSet("newsroom_canned", url_prefix="newsroom/canned-replies")


@hooks.register("register_admin_viewset")
def register_canned_replies():
    return canned_reply_viewset


urls = [
    path("", admin_views.inbox, name="inbox"),
    path("<int:pk>/", admin_views.thread_detail, name="thread"),
    path("<int:pk>/<slug:action>/", admin_views.thread_action, name="thread_action"),
    path("files/<int:pk>/", admin_views.attachment_download, name="attachment"),
]


@hooks.register("register_admin_urls")
def register_inbox_urls():
    return [path("newsroom/", include((urls, "newsroom_admin"), namespace="newsroom_admin"))]


class CannedMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("newsroom.change_cannedreply") or request.user.has_perm(
            "newsroom.add_cannedreply"
        )


@hooks.register("register_admin_menu_item")
def register_newsroom_menu():
    submenu = Menu(
        items=[
            InboxMenuItem(
                _("Inbox"), reverse("newsroom_admin:inbox"), name="newsroom-inbox", icon_name="mail", order=1
            ),
            InboxMenuItem(
                _("Overdue"),
                reverse("newsroom_admin:inbox") + "?overdue=on&status=open",
                name="newsroom-overdue",
                icon_name="time",
                order=2,
            ),
            CannedMenuItem(
                _("Canned replies"),
                reverse("newsroom_canned:index"),
                name="newsroom-canned",
                icon_name="openquote",
                order=3,
            ),
        ]
    )
    return SubmenuMenuItem(_("Newsroom"), submenu, name="newsroom", icon_name="mail", order=260)
