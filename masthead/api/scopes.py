"""What an admin API key may do: read or write per area. Write includes read."""

from django.utils.translation import gettext_lazy as _

AREAS = {
    "members": _("Members"),
    "memberships": _("Memberships"),
    "newsletters": _("Newsletters"),
    "events": _("Events"),
    "newsroom": _("Newsroom threads"),
}
ACCESS = ("read", "write")
ALL_SCOPES = [f"{area}:{access}" for area in AREAS for access in ACCESS]
SCOPE_CHOICES = [
    (f"{area}:{access}", f"{label}: {_('read') if access == 'read' else _('read and write')}")
    for area, label in AREAS.items()
    for access in ACCESS
]


def grants(scopes, needed):
    """Does a key with `scopes` have `needed` ("members:read")? area:write implies area:read."""
    area, access = needed.split(":")
    return needed in scopes or (access == "read" and f"{area}:write" in scopes)


def invalid(scopes):
    return sorted(set(scopes) - set(ALL_SCOPES))
