"""Access levels of articles: the stored value the access policy reads (masthead.access.policy)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessLevel(models.TextChoices):
    """Who may read an article in full. Enforced by masthead.access.policy, never by templates."""

    PUBLIC = "public", _("Public: everyone")
    MEMBERS = "members", _("Members: any signed-in member")
    PREMIUM = "premium", _("Premium: paying members")


# Short names for badges and listings.
SHORT_LABELS = {
    AccessLevel.PUBLIC: _("Public"),
    AccessLevel.MEMBERS: _("Members"),
    AccessLevel.PREMIUM: _("Premium"),
}
