"""Moderation in the Wagtail admin: the queue of held and reported posts, bans, categories and
per-article comment settings. Every action goes through services, which audit it."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import services, text
from .models import ArticleCommentSetting, Ban, Category, Post

MODERATE = "community.change_post"


class ExcerptColumn(Column):
    def get_value(self, instance):
        # Plain text of the sanitised HTML: members' HTML is never rendered raw in the admin.
        return text.plain(instance.body_html, 140) or _("(deleted)")


class WhereColumn(Column):
    def get_value(self, instance):
        return instance.article.title if instance.article_id else instance.topic.title


class ModerateColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a class="button button-small" href="{}">{}</a>',
            reverse("community_posts:moderate", args=[instance.pk]),
            _("Moderate"),
        )


class BanForm(forms.Form):
    days = forms.IntegerField(
        label=_("Days"), required=False, min_value=1, max_value=3650, help_text=_("Empty: a permanent ban.")
    )
    reason = forms.CharField(label=_("Reason"), max_length=300)


class PostViewSet(ModelViewSet):
    model = Post
    icon = "warning"
    menu_label = _("Moderation queue")
    menu_order = 100
    list_display = [
        ExcerptColumn("excerpt", label=_("Post")),
        WhereColumn("where", label=_("Where")),
        "author",
        "status",
        "report_count",
        "created_at",
        ModerateColumn("moderate", label=""),
    ]
    list_filter = ["status", "created_at"]
    search_fields = ["body", "author__email"]
    search_backend_name = None
    add_view_enabled = False
    copy_view_enabled = False
    form_fields = ["status"]  # unused: edits go through the moderate view
    ordering = ["-report_count", "-created_at"]

    def get_queryset(self, request):
        # The queue: held posts and posts with open reports first; the status filter shows the rest.
        queryset = Post.objects.select_related("author", "article", "topic")
        if not request.GET.get("status"):
            queryset = queryset.filter(Q(status=Post.Status.HELD) | Q(report_count__gt=0))
        return queryset

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("<int:pk>/moderate/", self.moderate, name="moderate")]

    def moderate(self, request, pk):
        if not request.user.has_perm(MODERATE):
            raise PermissionDenied
        post = get_object_or_404(Post.objects.select_related("author", "article", "topic"), pk=pk)
        ban_form = BanForm(request.POST if request.POST.get("action") == "ban" else None)
        if request.method == "POST":
            action = request.POST.get("action")
            reason = request.POST.get("reason", "")[:300]
            if action == "hide" and not reason.strip():
                messages.error(request, _("Say why the post is hidden: its author is told."))
            elif action == "hide":
                services.post_hide(post=post, actor=request.user, reason=reason)
                messages.success(request, _("The post is hidden and its author is told why."))
            elif action == "restore":
                services.post_restore(post=post, actor=request.user)
                messages.success(request, _("The post is visible again."))
            elif action == "delete":
                services.post_remove(post=post, actor=request.user, reason=reason)
                messages.success(request, _("The post is deleted."))
            elif action == "ban" and post.author and ban_form.is_valid():
                days = ban_form.cleaned_data["days"]
                services.member_ban(
                    user=post.author,
                    actor=request.user,
                    reason=ban_form.cleaned_data["reason"],
                    ends_at=timezone.now() + timedelta(days=days) if days else None,
                )
                messages.success(request, _("The member is banned."))
            elif action == "ban":
                messages.error(request, _("A ban needs a reason."))
            return redirect(reverse("community_posts:moderate", args=[post.pk]))
        return TemplateResponse(
            request,
            "community/admin/moderate.html",
            {
                "post": post,
                "reports": post.reports.select_related("reporter").order_by("-created_at"),
                "ban_form": ban_form,
                "bans": Ban.objects.filter(user=post.author_id).order_by("-starts_at")
                if post.author_id
                else [],
                "header_title": _("Moderate a post"),
                "queue_url": reverse("community_posts:index"),
            },
        )


class BanStateColumn(Column):
    def get_value(self, instance):
        if instance.lifted_at:
            return _("Lifted")
        if instance.active(timezone.now()):
            return _("Active") if instance.ends_at else _("Permanent")
        return _("Ended")


class BanViewSet(ModelViewSet):
    model = Ban
    icon = "lock"
    menu_label = _("Bans")
    menu_order = 110
    list_display = ["user", "starts_at", "ends_at", "reason", BanStateColumn("state", label=_("State"))]
    search_fields = ["user__email", "reason"]
    search_backend_name = None
    add_view_enabled = False
    edit_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["reason"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("<int:pk>/lift/", self.lift, name="lift")]

    def lift(self, request, pk):
        if not request.user.has_perm(MODERATE):
            raise PermissionDenied
        ban = get_object_or_404(Ban, pk=pk)
        if request.method == "POST":
            services.ban_lift(ban=ban, actor=request.user)
            messages.success(request, _("The ban is lifted."))
        return redirect(reverse("community_bans:index"))


class CategoryViewSet(ModelViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    menu_order = 120
    list_display = ["name", "access", "staff_only_topics", "position"]
    form_fields = ["name", "slug", "description", "access", "staff_only_topics", "position"]
    search_backend_name = None
    copy_view_enabled = False


class ArticleCommentSettingViewSet(ModelViewSet):
    model = ArticleCommentSetting
    icon = "comment"
    menu_label = _("Article comments")
    menu_order = 130
    list_display = ["article", "comments"]
    form_fields = ["article", "comments"]
    search_backend_name = None
    copy_view_enabled = False


class CommunityGroup(ViewSetGroup):
    menu_label = _("Community")
    menu_icon = "group"
    menu_order = 270
    items = (
        PostViewSet("community_posts", url_prefix="community/posts"),
        BanViewSet("community_bans", url_prefix="community/bans"),
        CategoryViewSet("community_categories", url_prefix="community/categories"),
        ArticleCommentSettingViewSet("community_article_settings", url_prefix="community/article-comments"),
    )


@hooks.register("register_admin_viewset")
def register_community_viewsets():
    return CommunityGroup()
