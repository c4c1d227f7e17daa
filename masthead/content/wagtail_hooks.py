"""The editors' side of articles: who may read an article is shown wherever it is acted on.

- the Publish button says the level it publishes at ("Publish · Premium");
- the "Articles" listing has an access-level column and filter (beside the page tree, whose
  titles carry the level through ArticlePage.get_admin_display_title);
- preview modes (ArticlePage.preview_modes) show the article as each kind of reader sees it;
- Reports → "Missing translations" lists live articles with no live version in the other edition.
"""

import django_filters
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import PublishMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from .levels import SHORT_LABELS, AccessLevel
from .models import ArticlePage, SectionPage
from .translation_report import MissingTranslationsMenuItem, MissingTranslationsView


class LabelledPublishMenuItem(PublishMenuItem):
    """Wagtail's Publish button, for one request, with the level the article goes out at."""

    def __init__(self, level_label, order=30):
        super().__init__(order=order)
        self.label = _("Publish · %(level)s") % {"level": level_label}


def _article_level(context):
    page = context.get("page")
    if isinstance(page, ArticlePage):
        if page.pk:
            return page.effective_access_level
        return page.default_access_level_under(context.get("parent_page"))
    parent = context.get("parent_page")
    if page is None and isinstance(getattr(parent, "specific", None), SectionPage):
        return ArticlePage().default_access_level_under(parent)
    return None


@hooks.register("construct_page_action_menu")
def publish_button_names_the_level(menu_items, request, context):
    level = _article_level(context)
    if level is None:
        return
    for index, item in enumerate(menu_items):
        if type(item) is PublishMenuItem:
            menu_items[index] = LabelledPublishMenuItem(SHORT_LABELS[level], order=item.order)


class AccessLevelColumn(Column):
    def get_value(self, instance):
        return SHORT_LABELS.get(instance.effective_access_level, "")


class ArticleFilterSet(PageFilterSet):
    access_level = django_filters.ChoiceFilter(label=_("Access level"), choices=AccessLevel.choices)

    class Meta:
        model = ArticlePage
        fields = ["access_level", "live"]


class ArticleListingViewSet(PageListingViewSet):
    model = ArticlePage
    icon = "doc-full"
    menu_label = _("Articles")
    menu_order = 110
    add_to_admin_menu = True
    filterset_class = ArticleFilterSet
    columns = [
        *PageListingViewSet.columns,
        AccessLevelColumn("access_level", label=_("Access"), sort_key="access_level", width="10%"),
    ]


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet("article_listing")


@hooks.register("register_admin_urls")
def register_missing_translations_report():
    urls = [
        path("", MissingTranslationsView.as_view(), name="missing_translations"),
        path(
            "results/",
            MissingTranslationsView.as_view(results_only=True),
            name="missing_translations_results",
        ),
    ]
    return [
        path("reports/missing-translations/", include((urls, "content_admin"), namespace="content_admin"))
    ]


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return MissingTranslationsMenuItem(
        _("Missing translations"),
        reverse("content_admin:missing_translations"),
        name="missing-translations",
        icon_name="globe",
        order=1150,
    )
