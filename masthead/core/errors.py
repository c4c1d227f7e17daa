"""One vocabulary for refusals (issue 14): why a service said no, in words people see.

A service refuses by raising its app's subclass of `Refusal` with a code from that app's
`MESSAGES` (lazy-translated, `%(name)s` placeholders) and the placeholders' values:

    raise NewsroomRefused("too_many_files", limit=5)

Every refusal carries `code`, `params`, `message` (the text, translated and filled in) and
`status` (the HTTP status a view answers with when the refusal is the whole answer). Views turn
one into what their page needs with the helpers below, never by reading app-specific attributes.

Every app's refusal extends it: AccessRefused, BillingError, NewsroomRefused, NewsletterError,
CommunityRefused, EventsError, ApiRefused (docs/architecture.md lists them).
"""

from collections.abc import Mapping
from typing import Any, ClassVar

from django.contrib import messages
from django.http import HttpResponse


class Refusal(Exception):
    """A service's refusal: `code` keys the subclass's `messages`; `params` fill it in."""

    messages: ClassVar[Mapping[str, Any]] = {}
    status: ClassVar[int] = 400

    def __init__(self, code, **params):
        self.code = code
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = self.messages[self.code]
        return str(text % self.params) if self.params else str(text)


def refusal_to_form(form, refusal, field=None):
    """Show the refusal on `form` (on `field`, or above the form); the view answers 400."""
    form.add_error(field, refusal.message)


def refusal_to_message(request, refusal):
    """Show the refusal as a flash message on the next page."""
    messages.error(request, refusal.message)


def refusal_response(refusal):
    """The refusal as the whole answer: its text with its status (a plain-text 4xx)."""
    return HttpResponse(refusal.message, status=refusal.status, content_type="text/plain; charset=utf-8")
