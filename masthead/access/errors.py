"""Why the access services refuse, each with the one message readers and staff see."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from masthead.core.errors import Refusal

MESSAGES = {
    "gift.not_found": _(
        "This gift link is not valid. Check that you copied all of it, or ask for a new one."
    ),
    "gift.expired": _(
        "This gift link has expired. Gift links last a limited time; ask the sender for a new one."
    ),
    "gift.revoked": _("This gift link has been withdrawn."),
    "gift.used_up": _("This gift link has been opened by as many readers as it allows."),
    "gift.article_unavailable": _("The article this gift link points to is no longer available."),
    "gift.not_premium": _("Only premium articles can be shared with a gift link; this one is free to read."),
    "gift.not_paying": _("Gift links are a benefit of paying membership."),
    "gift.monthly_limit": _(
        "You have created all %(limit)s gift links you may this month. They renew on the 1st."
    ),
    "grant.ends_before_start": _("The end date must be after the start."),
    "grant.ends_in_past": _("The end date must be in the future."),
}


class AccessRefused(Refusal, PermissionDenied):
    """An access service refused; `code` keys MESSAGES."""

    messages = MESSAGES
    status = 403
