"""Why the events app refuses, each with the one message people see."""

from django.utils.translation import gettext_lazy as _

from masthead.core.errors import Refusal

MESSAGES = {
    # Buying (pricing.quote's refusals come first)
    "not_yet_on_sale": _("These tickets are not on sale yet. Sales open on %(date)s."),
    "members_presale": _(
        "This is the members-only presale. Become a paying member to buy now, or come back when sales "
        "open to everyone on %(date)s."
    ),
    "members_only": _("These tickets are for paying members only."),
    "sale_ended": _("Sales for these tickets have ended."),
    "code_expired": _("That promo code has expired."),
    "code_used_up": _("That promo code has been fully used."),
    "code_unknown": _("We don't know that promo code. Check the spelling."),
    "code_not_enough": _(
        "That promo code has only %(left)s uses left; choose fewer tickets or remove the code."
    ),
    "over_limit": _("You can buy at most %(limit)s tickets of this type in one order."),
    "quantity_invalid": _("Choose at least one ticket."),
    "sold_out": _("Sold out. Join the waitlist and we will offer you a ticket if one frees up."),
    "not_enough_left": _("Only %(left)s tickets of this type are left; choose fewer."),
    "sign_in_required": _("Please sign in to get tickets; it takes a minute and is free."),
    "hold_expired": _(
        "Your tickets were held for %(minutes)s minutes and have been released. Please start again."
    ),
    "order_not_pending": _("This order is no longer awaiting payment."),
    "attendees_incomplete": _("Give a name and an email address for every ticket."),
    "offer_invalid": _("This waitlist offer is not valid any more."),
    "waitlist_not_sold_out": _("Tickets are still available: you can buy one now."),
    "waitlist_already": _("You are already on the waitlist for these tickets."),
    "provider_unavailable": _(
        "We could not reach our payment provider. Nothing has been charged; please try again in a few minutes."
    ),
    "not_cancelable": _("Only confirmed orders can be canceled."),
    "rate_limited": _("Too many attempts. Please wait a few minutes and try again."),
    # Check-in
    "code_not_found": _("No ticket has this code. Check the code, or send the person to the help desk."),
    "wrong_event": _("This ticket is for another event: %(event)s."),
    "ticket_canceled": _("This ticket was canceled and is not valid."),
    "already_checked_in": _("Already checked in at %(time)s. A ticket admits one person once."),
}


class EventsError(Refusal):
    """A events refusal: `code` keys MESSAGES (core.errors.Refusal gives `message`, `params`,
    `status`)."""

    messages = MESSAGES
    status = 400
