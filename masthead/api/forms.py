from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ApiKey
from .scopes import SCOPE_CHOICES
from .webhooks.events import EVENT_CHOICES


class ApiKeyForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80, help_text=_("Who or what uses this key."))
    kind = forms.ChoiceField(label=_("Kind"), choices=ApiKey.Kind.choices, initial=ApiKey.Kind.ADMIN)
    scopes = forms.MultipleChoiceField(
        label=_("Scopes (admin keys)"),
        choices=SCOPE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class WebhookForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    url = forms.URLField(label=_("Target URL"), max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=EVENT_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    active = forms.BooleanField(label=_("Active"), required=False, initial=True)
