"""Why newsletter services refuse, each with the one message editors and readers see."""

from django.utils.translation import gettext_lazy as _

from masthead.core.errors import Refusal

MESSAGES = {
    "issue.not_editable": _("This issue has already been sent or is being sent; it can no longer change."),
    "issue.no_recipients": _(
        "No one would receive this issue: the newsletter has no confirmed subscribers in its audience."
    ),
    "issue.empty": _("Write an intro or add something to the body before sending."),
    "issue.render_failed": _("The issue could not be rendered, so nothing was sent: %(error)s"),
    "issue.schedule_in_past": _("Choose a time in the future to schedule the issue."),
    "issue.not_scheduled": _("This issue is not scheduled."),
    "issue.newsletter_inactive": _("This newsletter is switched off; switch it on before sending."),
    "mail.not_configured": _("The mail provider is not set up, so nothing was sent: %(error)s"),
    "mail.unreachable": _("Could not reach the mail server, so nothing was sent: %(error)s"),
    "test.no_address": _("Your account has no email address to send the test to."),
    "signup.no_newsletter": _("Choose at least one newsletter."),
    "signup.mail_failed": _(
        "We could not send the confirmation email just now, so you are not signed up yet. "
        "Please try again in a few minutes."
    ),
    "signup.link_invalid": _("This confirmation link is not valid or has expired. Please sign up again."),
    "unsubscribe.link_invalid": _("This unsubscribe link is not valid. Use the link in a recent email."),
}


class NewsletterError(Refusal):
    """A newsletters refusal: `code` keys MESSAGES (core.errors.Refusal gives `message`, `params`,
    `status`)."""

    messages = MESSAGES
    status = 400
