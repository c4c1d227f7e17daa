"""Why billing refuses, each with the one message readers see."""

from django.utils.translation import gettext_lazy as _

from masthead.core.errors import Refusal

MESSAGES = {
    "already_member": _("You already have a membership. Manage it from your account page."),
    "price_unavailable": _("That plan is not on sale any more. Please choose another."),
    "seats_out_of_range": _("Choose between %(min)s and %(max)s seats for this plan."),
    "offer_unknown": _("We don't know that offer code. Check the spelling."),
    "offer_expired": _("That offer has ended."),
    "offer_used_up": _("That offer has been fully used."),
    "offer_not_for_plan": _("That offer does not apply to this plan."),
    "offer_wrong_currency": _("That offer is in another currency; choose prices in %(currency)s to use it."),
    "provider_unavailable": _(
        "We could not reach our payment provider. Nothing has been charged and no membership was started; "
        "please try again in a few minutes."
    ),
    "card_declined": _("Your card was declined. Nothing has been charged; try another card."),
    "card_insufficient_funds": _(
        "Your card has insufficient funds. Nothing has been charged; try another card."
    ),
    "card_invalid": _("That card number is not valid. Check it and try again."),
    "checkout_closed": _("This checkout has already finished. Start again from the membership page."),
    "not_cancelable": _("This membership cannot be canceled now."),
    "not_resumable": _("This membership can no longer be resumed; start a new one."),
    "same_price": _("You are already on that plan and billing period."),
    "price_wrong_currency": _(
        "Your membership is billed in %(currency)s; choose a price in %(currency)s, or cancel and start anew."
    ),
    "gift_already_claimed": _("This gift has already been claimed."),
    "gift_unknown": _("This gift link is not valid."),
    "gift_has_membership": _(
        "You already have a membership; a gift would be wasted. Forward it to someone else."
    ),
    "group_full": _("All seats in this group are taken. Ask the group's owner to add seats."),
    "group_ended": _("This group's membership has ended."),
    "group_wrong_domain": _("Only addresses at %(domain)s may join this group."),
    "group_already_in": _("That address is already in the group."),
    "group_invite_unknown": _("This invitation is not valid any more."),
}


class BillingError(Refusal):
    """A billing refusal: `code` keys MESSAGES (core.errors.Refusal gives `message`, `params`,
    `status`)."""

    messages = MESSAGES
    status = 400


class ProviderUnavailable(Exception):
    """The payment provider could not be reached or failed; nothing was created on our side."""
