from django import forms
from django.apps import apps
from django.conf import settings
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from .models import Profile

# Where the signup form leaves the newsletters a new member ticked, for whoever listens to
# allauth's user_signed_up (the newsletters app); members never subscribes anyone itself.
NEWSLETTER_CHOICES_ATTR = "masthead_newsletter_choices"


def _offered_newsletters():
    # By name, not import: newsletters is an app above members (see STYLE.md, dependencies).
    return apps.get_model("newsletters", "Newsletter").objects.filter(active=True, subscribe_new_members=True)


class SignupForm(forms.Form):
    """allauth's signup asks for the email address; we add an optional name and the newsletters
    offered to new members — none ticked: joining is a choice (ACCOUNT_SIGNUP_FORM_CLASS)."""

    name = forms.CharField(label=_("Name (optional)"), max_length=100, required=False)
    newsletters = forms.ModelMultipleChoiceField(
        label=_("Newsletters (optional)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offered = _offered_newsletters().order_by("sort_order", "name")
        self.fields["newsletters"].queryset = offered
        self.fields["newsletters"].label_from_instance = lambda n: (
            f"{n.name} — {n.description}" if n.description else n.name
        )
        if not offered.exists():
            del self.fields["newsletters"]

    def signup(self, request, user):
        Profile.objects.update_or_create(
            user=user, defaults={"display_name": self.cleaned_data.get("name", "")}
        )
        chosen = self.cleaned_data.get("newsletters") or []
        setattr(request, NEWSLETTER_CHOICES_ATTR, [n.pk for n in chosen])


class ProfileForm(forms.ModelForm):
    # Each language named in itself (English, 简体中文): a reader who cannot read the page's
    # language can still find theirs.
    language = forms.ChoiceField(
        label=_("Language of our pages and emails to you"),
        choices=[(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES],
        required=False,  # left out (an older form, the API): unchanged
    )

    class Meta:
        model = Profile
        fields = ["display_name", "language"]
        labels = {"display_name": _("Your name, as shown to the newsroom and in the community")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.language:
            # Not chosen yet: the language of the page, which is what they read now.
            self.initial["language"] = get_language() or settings.LANGUAGE_CODE


class DeleteAccountForm(forms.Form):
    confirm_email = forms.EmailField(
        label=_("Type your email address to confirm"),
        help_text=_("This cannot be undone."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_confirm_email(self):
        value = self.cleaned_data["confirm_email"]
        if value.strip().lower() != (self.user.email or "").lower():
            raise forms.ValidationError(_("That is not the address of this account."))
        return value
