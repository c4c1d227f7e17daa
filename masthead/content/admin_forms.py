"""The article editor's form: the access level is chosen on purpose, never inherited by accident.

Two traps this closes:
- a new article used to start "public" whatever its section sells; it now starts at its section's
  default level (or the site's), shown as a choice on the main tab;
- a premium break in a public article is silently ignored (everything is free). Publishing,
  submitting or approving such an article stops with an error on the access level until the
  editor picks a level or ticks "publish it free anyway".
"""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel

from .levels import AccessLevel

# POST keys of Wagtail's page editor that make the article (or the version under review) public.
PUBLISH_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")

FREE_BREAK_ERROR = _(
    "This article has a premium break but its access level is Public, so everything below the break "
    "would be free for everyone. Choose Members or Premium, or tick “Publish it free anyway”."
)


def has_premium_break(body):
    return any(block.block_type == "premium_break" for block in body or [])


def is_publishing(data):
    """Does this POST publish, or send the article on its way to being published?"""
    if any(data.get(name) for name in PUBLISH_ACTIONS):
        return True
    return bool(data.get("action-workflow-action")) and data.get("workflow-action-name") == "approve"


class ArticlePageForm(WagtailAdminPageForm):
    publish_free_anyway = forms.BooleanField(
        label=_("Publish it free anyway"),
        required=False,
        help_text=_("The premium break is ignored and the whole article is free for everyone."),
    )

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        field = self.fields.get("access_level")
        if field is None:
            return
        # Every article states its level: no empty "site default" choice to misread.
        field.required = True
        field.choices = list(AccessLevel.choices)
        field.help_text = _(
            "Who may read past the premium break. New articles start at their section's default."
        )
        if not self.instance.pk and not self.is_bound:
            self.initial["access_level"] = self.instance.default_access_level_under(parent_page)

    def clean(self):
        cleaned_data = super().clean()
        self.explain_slug_taken_by_draft(cleaned_data)
        if (
            is_publishing(self.data)
            and cleaned_data.get("access_level") == AccessLevel.PUBLIC
            and has_premium_break(cleaned_data.get("body"))
            and not cleaned_data.get("publish_free_anyway")
        ):
            self.add_error("access_level", FREE_BREAK_ERROR)
        return cleaned_data

    def explain_slug_taken_by_draft(self, cleaned_data):
        """Wagtail's "slug already in use" says nothing when the page holding it is a draft nobody
        published — typically an autosaved first attempt. Name it and link to it, so the writer
        can continue that draft or delete it instead of guessing a new address."""
        slug = self.data.get("slug")
        if "slug" not in self.errors or not slug or self.parent_page is None:
            return
        holder = (
            self.parent_page.get_children()
            .filter(slug=slug, live=False, first_published_at__isnull=True)
            .exclude(pk=self.instance.pk)
            .select_related("owner")
            .first()
        )
        if holder is None:
            return
        when = timezone.localtime(
            holder.latest_revision_created_at or holder.last_published_at or timezone.now()
        )
        message = format_html(
            _(
                "An unpublished draft, “{title}” (last saved {when}{by}), already uses this address. "
                '<a href="{edit}">Continue that draft</a> or <a href="{delete}">delete it</a>, then save again.'
            ),
            title=holder.get_admin_display_title(),
            when=date_format(when, "DATETIME_FORMAT"),
            by=format_html(_(" by {name}"), name=holder.owner.get_full_name() or holder.owner.get_username())
            if holder.owner
            else "",
            edit=reverse("wagtailadmin_pages:edit", args=[holder.pk]),
            delete=reverse("wagtailadmin_pages:delete", args=[holder.pk]),
        )
        self.errors["slug"] = self.error_class([message])


class ConfirmFreePanel(FieldPanel):
    """The "publish it free anyway" box: shown only once the editor has been warned (or ticked it)."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            if not super().is_shown():
                return False
            form = self.form
            return bool(form.errors.get("access_level")) or bool(form["publish_free_anyway"].value())
