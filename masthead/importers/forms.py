from django import forms
from django.utils.translation import gettext_lazy as _

from masthead.billing.adoption import parse_plan_map

CHOICES = [
    ("content:ghost", _("Articles from Ghost (JSON export, or its zip with images)")),
    ("content:substack", _("Articles from Substack (export zip)")),
    ("content:wordpress", _("Articles from WordPress (WXR .xml, or a zip with wp-content/uploads)")),
    ("members:ghost", _("Members from Ghost (members CSV)")),
    ("members:substack", _("Members from Substack (subscribers CSV)")),
    ("members:csv", _("Members from a CSV file (email, name, note, labels, subscribed, …)")),
]


class ImportForm(forms.Form):
    what = forms.ChoiceField(label=_("What to import"), choices=CHOICES)
    file = forms.FileField(label=_("Export file"))
    site_url = forms.URLField(
        assume_scheme="https",
        label=_("Old site's address"),
        required=False,
        help_text=_("To fetch images the export does not contain."),
    )
    section = forms.SlugField(
        label=_("Section for articles"),
        required=False,
        initial="archive",
        help_text=_("When the source has none."),
    )
    plan_map = forms.CharField(
        label=_("Stripe price → our price"),
        required=False,
        help_text=_("Members only, e.g. price_abc=individual:month,price_def=individual:year"),
    )

    def clean_plan_map(self):
        value = self.cleaned_data["plan_map"]
        try:
            parse_plan_map(value)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        return value

    def kind_and_source(self):
        return self.cleaned_data["what"].split(":", 1)

    def options(self):
        kind, _source = self.kind_and_source()
        if kind == "members":
            return {"plan_map": self.cleaned_data["plan_map"]}
        return {
            "site_url": self.cleaned_data["site_url"],
            "section": self.cleaned_data["section"] or "archive",
        }
