"""What a reader sees for each access decision: one table, keyed by the policy's reasons.

The article page, gift pages and anything else that shows a paywall render the Prompt this
returns; none of them phrase their own call to action.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from masthead.core.attribution import with_via

from .policy import Reason


@dataclass(frozen=True)
class Action:
    label: str
    url: str


@dataclass(frozen=True)
class Prompt:
    """A call to action shown instead of the rest of an article."""

    reason: str
    title: str
    text: str
    primary: Action
    secondary: tuple[Action, ...] = ()
    benefits: tuple[str, ...] = field(default_factory=tuple)


def _with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def membership_url(next_url=""):
    """Where "start a free trial" and "upgrade" lead: the membership/pricing page, article remembered."""
    return _with_next(
        reverse(getattr(settings, "MASTHEAD_MEMBERSHIP_URL_NAME", "access:membership")), next_url
    )


def signup_url(next_url=""):
    return _with_next(reverse("account_signup"), next_url)


def signin_url(next_url=""):
    return _with_next(reverse("account_request_login_code"), next_url)


def paywall_prompt(decision, reader, *, next_url, benefits=()):
    """The call to action for a preview decision (None for full access)."""
    if decision.full:
        return None
    # Sign-up and membership links say which call to action was answered (core.attribution);
    # sign-in links do not: signing in is not joining.
    via_next = with_via(next_url, decision.reason)
    trial_or_upgrade = (
        Action(str(_("Become a member again")), membership_url(via_next))
        if reader.had_trial
        else Action(str(_("Start your free trial")), membership_url(via_next))
    )
    benefits = tuple(benefits)
    if decision.reason == Reason.SIGN_IN_REQUIRED:
        return Prompt(
            reason=decision.reason,
            title=str(_("This article is for members")),
            text=str(
                _(
                    "Create a free account or sign in to read on. All it takes is your email address — no password."
                )
            ),
            primary=Action(str(_("Sign up free")), signup_url(via_next)),
            secondary=(Action(str(_("Sign in")), signin_url(next_url)),),
        )
    if decision.reason == Reason.METER_USED_UP:
        limit = decision.meter_limit or 0
        return Prompt(
            reason=decision.reason,
            title=ngettext(
                "You have read your free premium article this month",
                "You have read your %(n)d free premium articles this month",
                limit,
            )
            % {"n": limit},
            text=str(_("Your free articles renew on the 1st. Members read everything, without limits.")),
            primary=trial_or_upgrade,
            benefits=benefits,
        )
    # MEMBERSHIP_REQUIRED
    if reader.is_member:
        return Prompt(
            reason=decision.reason,
            title=str(_("This is a premium article")),
            text=str(
                _("Premium journalism is for paying members. Become one to read this and our whole archive.")
            ),
            primary=trial_or_upgrade,
            benefits=benefits,
        )
    limit = decision.meter_limit or 0
    text = str(_("Become a member to read this article and our whole archive."))
    if limit:
        text += " " + ngettext(
            "Or sign up free to read %(n)d premium article a month.",
            "Or sign up free to read %(n)d premium articles a month.",
            limit,
        ) % {"n": limit}
    return Prompt(
        reason=decision.reason,
        title=str(_("This is a premium article")),
        text=text,
        primary=trial_or_upgrade,
        secondary=(
            Action(str(_("Sign up free")), signup_url(via_next)),
            Action(str(_("Sign in")), signin_url(next_url)),
        ),
        benefits=benefits,
    )


def meter_notice(decision):
    """A line for readers on the meter, or None."""
    if decision.reason != Reason.METERED or decision.meter_remaining is None:
        return None
    remaining = decision.meter_remaining
    if remaining == 0:
        return str(_("This was your last free premium article this month."))
    return ngettext(
        "You have %(n)d free premium article left this month.",
        "You have %(n)d free premium articles left this month.",
        remaining,
    ) % {"n": remaining}
