from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Profile


class SignupForm(forms.Form):
    """allauth's signup asks for the email address; we add an optional name (ACCOUNT_SIGNUP_FORM_CLASS)."""

    name = forms.CharField(label=_("Name (optional)"), max_length=100, required=False)

    def signup(self, request, user):
        Profile.objects.update_or_create(
            user=user, defaults={"display_name": self.cleaned_data.get("name", "")}
        )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["display_name"]
        labels = {"display_name": _("Your name, as shown to the newsroom and in the community")}


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
