import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .gifts import GIFT_MONTHS
from .models import Group, Plan
from .money import CURRENCIES


class StartForm(forms.Form):
    quantity = forms.IntegerField(label=_("Seats"), min_value=1, required=False)
    offer_code = forms.CharField(label=_("Offer code (optional)"), max_length=40, required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        if plan.is_group:
            self.fields["quantity"] = forms.IntegerField(
                label=_("Seats"),
                min_value=plan.min_seats,
                max_value=plan.max_seats,
                help_text=_("Between %(min)s and %(max)s; you can invite people afterwards.")
                % {"min": plan.min_seats, "max": plan.max_seats},
            )
        else:
            del self.fields["quantity"]


class CardForm(forms.Form):
    """The test-mode checkout's card form. No real card data goes anywhere."""

    name = forms.CharField(label=_("Name on card"), max_length=100)
    card_number = forms.CharField(
        label=_("Card number"),
        max_length=23,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "cc-number"}),
    )
    expiry = forms.CharField(
        label=_("Expiry (MM/YY)"),
        max_length=5,
        widget=forms.TextInput(attrs={"autocomplete": "cc-exp", "placeholder": "MM/YY"}),
    )
    cvc = forms.CharField(
        label=_("CVC"), max_length=4, widget=forms.TextInput(attrs={"inputmode": "numeric"})
    )

    def clean_card_number(self):
        digits = re.sub(r"[\s-]", "", self.cleaned_data["card_number"])
        if not digits.isdigit() or not 12 <= len(digits) <= 19:
            raise forms.ValidationError(_("A card number is 12 to 19 digits."))
        return digits

    def clean_expiry(self):
        match = re.fullmatch(r"(\d{2})\s*/\s*(\d{2})", self.cleaned_data["expiry"].strip())
        if not match or not 1 <= int(match.group(1)) <= 12:
            raise forms.ValidationError(_("Use the form MM/YY, e.g. 12/30."))
        month, year = int(match.group(1)), 2000 + int(match.group(2))
        today = timezone.localdate()
        if (year, month) < (today.year, today.month):
            raise forms.ValidationError(_("This card has expired."))
        return self.cleaned_data["expiry"]

    def clean_cvc(self):
        cvc = self.cleaned_data["cvc"].strip()
        if not cvc.isdigit() or len(cvc) not in (3, 4):
            raise forms.ValidationError(_("The CVC is the 3 or 4 digits on the back of the card."))
        return cvc


class GiftForm(forms.Form):
    plan = forms.ModelChoiceField(
        label=_("Membership"), queryset=Plan.objects.filter(active=True, is_group=False), empty_label=None
    )
    months = forms.TypedChoiceField(
        label=_("Length"),
        coerce=int,
        choices=[(m, _("%(n)d months") % {"n": m} if m > 1 else _("1 month")) for m in GIFT_MONTHS],
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=[(c, c) for c in CURRENCIES])
    recipient_email = forms.EmailField(label=_("Their email address"))
    message = forms.CharField(
        label=_("A message (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, currency="USD", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].initial = currency


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Invite by email"))


class TeamSettingsForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = ["name", "allowed_domain"]

    def clean_allowed_domain(self):
        domain = self.cleaned_data["allowed_domain"].strip().lower().lstrip("@")
        if domain and not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", domain):
            raise forms.ValidationError(_("Enter a domain like example.com."))
        return domain
