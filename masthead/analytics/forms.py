from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .reports import Range

PRESETS = [
    (7, _("Last 7 days")),
    (30, _("Last 30 days")),
    (90, _("Last 90 days")),
    (365, _("Last 12 months")),
]
MAX_DAYS = 3 * 366


class RangeForm(forms.Form):
    """The dashboard's date range: a preset or two dates (newsroom time zone, both included)."""

    days = forms.TypedChoiceField(label=_("Period"), choices=PRESETS, coerce=int, required=False)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The start of the period must not be after its end."))
        if since and (until or timezone.localdate()) - since > timedelta(days=MAX_DAYS):
            raise forms.ValidationError(_("Choose a period of at most three years."))
        return data

    def range(self):
        """The chosen range; the last 30 days when nothing (valid) was chosen."""
        today = timezone.localdate()
        if not self.is_bound or not self.is_valid():
            return Range.last_days(30, today=today)
        data = self.cleaned_data
        if data.get("since"):
            return Range(data["since"], data.get("until") or max(today, data["since"]))
        if data.get("until"):
            return Range.last_days(data.get("days") or 30, today=data["until"])
        return Range.last_days(data.get("days") or 30, today=today)
