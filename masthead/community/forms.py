from django import forms
from django.utils.translation import gettext_lazy as _

from . import text
from .models import CommunityProfile, Report


class HoneypotMixin(forms.Form):
    # Hidden from people by CSS; bots that fill every field are refused.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This field must stay empty."))
        return ""


class PostForm(HoneypotMixin):
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": text.MAX_LENGTH}),
        max_length=text.MAX_LENGTH * 2,  # the clear message below names the real limit
        help_text=_("Markdown: *italic*, **bold**, [links](https://…), `code`, > quotes, lists."),
        error_messages={"required": _("Write something first.")},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_body(self):
        try:
            return text.check(self.cleaned_data["body"])
        except text.BodyError as error:
            raise forms.ValidationError(str(error)) from None


class TopicForm(PostForm):
    title = forms.CharField(
        label=_("Title"), max_length=150, error_messages={"required": _("Give the topic a title.")}
    )
    announcement = forms.BooleanField(label=_("Staff announcement"), required=False)

    field_order = ["title", "body", "announcement"]

    def __init__(self, *args, staff=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Your post")
        if not staff:
            del self.fields["announcement"]


class ReportForm(HoneypotMixin):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Anything to add (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = CommunityProfile
        fields = ["headline", "public_profile", "show_posts", "notify_replies", "notify_article_comments"]
