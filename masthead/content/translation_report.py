"""The editors' "Missing translations" report (issue 20): live articles that have no live version
in the other edition, with the state of that version (none yet, or a draft) and the action that
goes with it (Wagtail's simple translation "Translate", or "Edit the draft").

Translations are linked by Wagtail's `translation_key`; an article counts as translated into a
language when a *live* page with the same key exists in that locale (a draft does not reach readers,
so it is listed, marked as a draft).
"""

import datetime

import django_filters
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry

from .levels import AccessLevel
from .models import ArticlePage, SectionPage


def content_locales():
    """The locales editions are published in (a Locale row for a language no longer configured is ignored)."""
    return [locale for locale in Locale.objects.order_by("pk") if locale.language_code_is_valid()]


def articles_missing_translation():
    """Live articles with fewer live versions (their own included) than there are editions."""
    locales = content_locales()
    live_versions = (
        Page.objects.live()
        .filter(translation_key=OuterRef("translation_key"), locale__in=locales)
        .order_by()
        .values("translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        ArticlePage.objects.live()
        .annotate(live_versions=Coalesce(Subquery(live_versions, output_field=IntegerField()), Value(0)))
        .filter(live_versions__lt=len(locales))
        .select_related("locale")
    )


def missing_versions(pages):
    """For each page, [(locale, state, action_url)] for every edition where it has no live version.

    state is "draft" (a translation exists, unpublished: edit it) or "missing" (translate it).
    One query for the whole page of results."""
    locales = content_locales()
    versions = {}
    for key, locale_id, page_id, live in Page.objects.filter(
        translation_key__in={page.translation_key for page in pages}
    ).values_list("translation_key", "locale_id", "pk", "live"):
        versions[key, locale_id] = (page_id, live)
    for page in pages:
        rows = []
        for locale in locales:
            if locale.pk == page.locale_id:
                continue
            found = versions.get((page.translation_key, locale.pk))
            if found is None:
                rows.append(
                    (locale, "missing", reverse("simple_translation:submit_page_translation", args=[page.pk]))
                )
            elif not found[1]:
                rows.append((locale, "draft", reverse("wagtailadmin_pages:edit", args=[found[0]])))
        page.missing_versions = rows
    return pages


def _locale_choices(request):
    return Locale.objects.filter(pk__in=[locale.pk for locale in content_locales()])


def _section_choices(request):
    return SectionPage.objects.order_by("locale_id", "path").select_related("locale")


class MissingTranslationsFilterSet(WagtailFilterSet):
    locale = django_filters.ModelChoiceFilter(
        label=_("Written in"), queryset=_locale_choices, empty_label=_("Any language")
    )
    section = django_filters.ModelChoiceFilter(
        label=_("Section"), queryset=_section_choices, method="in_section", empty_label=_("Any section")
    )
    access_level = django_filters.ChoiceFilter(label=_("Access level"), choices=AccessLevel.choices)

    class Meta:
        model = ArticlePage
        fields = ["locale", "section", "access_level"]

    def in_section(self, queryset, name, value):
        return queryset.child_of(value) if value else queryset


class MissingTranslationsView(PageReportView):
    """Wagtail's report machinery: filters, pagination, CSV/XLSX export and the admin chrome."""

    page_title = _("Missing translations")
    header_icon = "globe"
    results_template_name = "content/admin/missing_translations_results.html"
    filterset_class = MissingTranslationsFilterSet
    index_url_name = "content_admin:missing_translations"
    index_results_url_name = "content_admin:missing_translations_results"
    model = ArticlePage
    # Who may edit or publish pages may see which lack a translation.
    any_permission_required = ["add", "change", "publish"]
    export_headings = {
        "title": _("Title"),
        "locale.get_display_name": _("Written in"),
        "first_published_at": _("First published"),
        "access_level": _("Access level"),
        "missing_languages": _("Missing in"),
    }
    list_export = [
        "title",
        "locale.get_display_name",
        "first_published_at",
        "access_level",
        "missing_languages",
    ]

    def get_filename(self):
        return f"missing-translations-{datetime.date.today():%Y-%m-%d}"  # noqa: DTZ011 - a file name

    def get_queryset(self):
        self.queryset = articles_missing_translation().order_by("-first_published_at", "pk")
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        pages = missing_versions(list(object_list))
        for page in pages:
            page.missing_languages = ", ".join(
                str(_("%(language)s (draft)") % {"language": locale.get_display_name()})
                if state == "draft"
                else str(locale.get_display_name())
                for locale, state, _url in page.missing_versions
            )
        return pages

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["translatable"] = self.request.user.has_perm("simple_translation.submit_translation")
        return context


class MissingTranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        # Exactly who the view lets in (any_permission_required above), asked of the same policy.
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, MissingTranslationsView.any_permission_required
        )
