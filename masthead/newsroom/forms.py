from django import forms
from django.utils.translation import gettext_lazy as _

from masthead.content.models import AccessLevel, SectionPage

from .files import MAX_FILES
from .models import CannedReply, Kind, Status
from .services import MAX_BODY

MEMBER_KINDS = [(k, label) for k, label in Kind.choices if k != Kind.AUTHOR]
PUBLIC_KINDS = [(Kind.TIP, Kind.TIP.label), (Kind.CORRECTION, Kind.CORRECTION.label)]
FILE_HELP = _("Up to %(n)s documents or images (PDF, Word, OpenDocument, text, PNG, JPEG, WebP).") % {
    "n": MAX_FILES
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        items = data if isinstance(data, list | tuple) else [data]
        if len(items) > MAX_FILES:
            raise forms.ValidationError(_("Attach at most %(n)s files.") % {"n": MAX_FILES})
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


def _message_field():
    return forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        min_length=10,
        max_length=MAX_BODY,
        error_messages={
            "required": _("Write your message."),
            "min_length": _("Write at least %(limit_value)d characters, so we can understand you."),
            "max_length": _("Keep your message under %(limit_value)d characters (it has %(show_value)d)."),
        },
    )


class _Base(forms.Form):
    subject = forms.CharField(
        label=_("Subject"), max_length=200, error_messages={"required": _("Give your message a subject.")}
    )
    message = _message_field()
    article_url = forms.URLField(
        label=_("About an article (link, optional)"), required=False, max_length=500, assume_scheme="https"
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False, help_text=FILE_HELP)
    confidential = forms.BooleanField(
        label=_("Keep my identity confidential (tips)"),
        required=False,
        help_text=_("Only a few senior editors will see who you are."),
    )
    # A field people never see: bots fill it in, and their messages are quietly dropped.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class MemberMessageForm(_Base):
    """For paying members: every kind, a section, files; the answer comes in a conversation."""

    kind = forms.ChoiceField(label=_("What is it?"), choices=MEMBER_KINDS, initial=Kind.QUESTION)
    section = forms.ModelChoiceField(label=_("Section"), queryset=None, required=False, empty_label=_("Any"))
    field_order = ["kind", "section", "subject", "message", "article_url", "attachments", "confidential"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = SectionPage.objects.live().order_by("title")


class PublicMessageForm(_Base):
    """For visitors and free members: tips and corrections only."""

    kind = forms.ChoiceField(label=_("What is it?"), choices=PUBLIC_KINDS, initial=Kind.TIP)
    name = forms.CharField(label=_("Your name"), max_length=100, required=False)
    email = forms.EmailField(
        label=_("Your email address"), help_text=_("So we can ask you more. Never published.")
    )
    field_order = [
        "kind",
        "name",
        "email",
        "subject",
        "message",
        "article_url",
        "attachments",
        "confidential",
    ]

    def __init__(self, *args, signed_in=False, **kwargs):
        super().__init__(*args, **kwargs)
        if signed_in:
            del self.fields["name"]
            del self.fields["email"]


class ReplyForm(forms.Form):
    message = _message_field()
    attachments = MultipleFileField(label=_("Attachments"), required=False, help_text=FILE_HELP)


class ConsentForm(forms.Form):
    consent = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))])
    show_name = forms.BooleanField(label=_("Show my name with the question"), required=False)


# --- admin -----------------------------------------------------------------------------------
class InboxFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds"))] + Kind.choices, required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), ("open", _("Open"))] + Status.choices,
        required=False,
    )
    section = forms.ModelChoiceField(label=_("Section"), queryset=None, required=False, empty_label=_("All"))
    assignee = forms.ChoiceField(label=_("Assigned to"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    q = forms.CharField(label=_("Search subjects"), required=False, max_length=100)

    def __init__(self, *args, staff_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = SectionPage.objects.order_by("title")
        self.fields["assignee"].choices = [
            ("", _("Anyone")),
            ("me", _("Me")),
            ("none", _("Nobody")),
        ] + [(str(u.pk), label) for u, label in staff_choices]


class AssignForm(forms.Form):
    assignee = forms.ChoiceField(label=_("Assign to"), required=False)

    def __init__(self, *args, staff_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", _("Nobody"))] + [
            (str(u.pk), label) for u, label in staff_choices
        ]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)


class AdminReplyForm(forms.Form):
    canned = forms.ModelChoiceField(
        label=_("Start from a canned reply"), queryset=CannedReply.objects.all(), required=False
    )
    message = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 8}), max_length=MAX_BODY)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_BODY
    )


class PublishForm(forms.Form):
    section = forms.ModelChoiceField(label=_("Section"), queryset=None)
    title = forms.CharField(label=_("Headline"), max_length=255)
    dek = forms.CharField(label=_("Dek"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))
    access_level = forms.ChoiceField(label=_("Who may read it"), choices=[])
    publish_now = forms.BooleanField(label=_("Publish now (otherwise a draft to review)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = SectionPage.objects.order_by("title")
        self.fields["access_level"].choices = [
            c for c in AccessLevel.choices if c[0] in ("public", "members")
        ]
