"""Why the newsroom services refuse, each with the one message readers and staff see."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from masthead.core.errors import Refusal

MESSAGES = {
    "flood": _("You have sent several messages recently. Please try again in an hour."),
    "not_paying": _("Conversations with the newsroom are a benefit of paying membership."),
    "closed": _("This conversation is closed. Write to us again to start a new one."),
    "empty": _("Write a message first."),
    "too_many_files": _("Attach at most %(limit)s files."),
    "file.too_big": _("%(name)s is larger than %(limit)s MB."),
    "file.empty": _("%(name)s is empty."),
    "file.storage": _(
        "%(name)s could not be saved: the server has no room for files just now. Nothing was sent; "
        "please try again later, or send your message without the file."
    ),
    "file.type": _(
        "%(name)s is not a document or image we accept (PDF, Word or OpenDocument text, "
        "plain text, PNG, JPEG or WebP)."
    ),
    "not_allowed": _("You are not allowed to do that."),
    "consent.missing": _("The member has not agreed to publication."),
    "consent.already": _("Publication has already been requested for this conversation."),
    "consent.not_member": _("Only a member's conversation can be published, with their consent."),
    "no_answer": _("Answer the question before publishing it."),
}


class NewsroomRefused(Refusal, PermissionDenied):
    """A newsroom service refused; `code` keys MESSAGES."""

    messages = MESSAGES
    status = 403
