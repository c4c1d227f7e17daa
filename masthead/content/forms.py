from django import forms
from django.utils.translation import gettext_lazy as _

from .search_text import query_terms

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the archive"),
        max_length=MAX_QUERY_LENGTH,
        required=True,
        error_messages={
            "max_length": _("Search for at most %(limit_value)d characters."),
            "required": _("Type a word or two to search for."),
        },
    )

    def clean_q(self):
        q = " ".join(self.cleaned_data["q"].split())
        if "\x00" in q or not query_terms(q):
            raise forms.ValidationError(_("Search for words or names: punctuation alone finds nothing."))
        return q


class AuthorContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Your email address"), help_text=_("So the journalist can reply."))
    message = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 7}),
        min_length=10,
        max_length=5000,
    )
    # A field people never see: bots fill it in, and their messages are quietly dropped.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
