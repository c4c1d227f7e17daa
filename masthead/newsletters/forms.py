from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Audience, Newsletter


class SignupForm(forms.Form):
    """The signup box: an address and the newsletters offered there. Identical for every visitor."""

    email = forms.EmailField(label=_("Your email address"), max_length=254)
    newsletter = forms.ModelMultipleChoiceField(
        label=_("Newsletters"),
        queryset=Newsletter.objects.filter(active=True, audience=Audience.EVERYONE),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one newsletter.")},
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class ChoicesForm(forms.Form):
    newsletter = forms.ModelMultipleChoiceField(
        label=_("Newsletters"),
        queryset=Newsletter.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ScheduleForm(forms.Form):
    at = forms.DateTimeField(
        label=_("Send at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
    )
