"""Why the community refuses something: one code per reason, one message per code."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from masthead.core.errors import Refusal

MESSAGES = {
    "sign_in": _("Sign in to join the conversation."),
    "comments_off": _("Comments are closed on this article."),
    "cannot_read": _("Only readers of the full article can read and write its comments."),
    "paying_only": _("This conversation is for paying members."),
    "lapsed": _("Your membership has lapsed; renew it to post here again."),
    "banned": _("You cannot post in the community at the moment."),
    "rate_minute": _("You are posting very quickly; wait a minute and try again."),
    "rate_day": _("You have reached today's limit of posts; try again tomorrow."),
    "duplicate": _("You have just posted the same text."),
    "locked": _("This topic is locked; no new replies."),
    "staff_only": _("Only the newsroom starts topics in this category; you may reply to them."),
    "not_yours": _("You can only change what you wrote."),
    "edit_window": _("The time to edit this has passed."),
    "gone": _("This post is no longer available."),
    "own_post": _("You cannot report or like your own post."),
    "bad_parent": _("You can only reply to a comment on the same article."),
}


class CommunityRefused(Refusal, PermissionDenied):
    """A community service refused; `code` keys MESSAGES."""

    messages = MESSAGES
    status = 403
