"""Why the api app refuses a change: one code per reason, one lazy-translated message each."""

from django.utils.translation import gettext_lazy as _

from masthead.core.errors import Refusal

MESSAGES = {
    "name_taken": _("A key with this name already exists."),
    "name_required": _("Give the key a name."),
    "bad_kind": _("A key is either a content key or an admin key."),
    "bad_scope": _("Unknown scope: %(scopes)s."),
    "scopes_on_content_key": _("Content keys read public content only; they take no scopes."),
    "no_scopes": _("An admin key needs at least one scope."),
    "no_such_key": _("There is no active key named %(name)s."),
    "no_events": _("Choose at least one event."),
    "bad_event": _("Unknown event: %(events)s."),
    "url_scheme": _("The target URL must start with https:// (or http://)."),
    "url_unresolvable": _("The target's host name does not resolve: %(host)s."),
    "url_forbidden": _(
        "The target resolves to %(address)s, a private, loopback or link-local address; "
        "webhooks are not sent there."
    ),
}


class ApiRefused(Refusal):
    """A refused change, with a code from MESSAGES and its parameters."""

    messages = MESSAGES
