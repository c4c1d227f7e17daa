"""Readers' accounts. Identity and sign-in are django-allauth's (auth.User + EmailAddress);
this app keeps what a newsroom adds: a display name and the member's own choices."""

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(_("name"), max_length=100, blank=True)
    # Staff's own record of the member (e.g. brought over from another platform); never shown to them.
    note = models.TextField(_("staff note"), blank=True)
    labels = models.JSONField(_("labels"), default=list, blank=True)
    # The language the member reads and is written to in (issue 20): set at sign-up from the
    # edition they signed up in, changeable on the account page. Empty: not chosen (older
    # accounts) — then the language of the request at hand decides.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True, default=""
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("member profile")

    def __str__(self):
        return self.display_name or self.user.email


class Member(User):
    """Readers as the newsroom's staff see them in the Wagtail admin (a view of auth.User)."""

    class Meta:
        proxy = True
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return self.email or self.username


class SignupSource(models.Model):
    """Where a member signed up from: the page (an article) and the call to action they answered.

    Written once, at sign-up, from the `next` URL the sign-up form carried (core.attribution).
    Empty path: signed up directly. Deleted with the account.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="signup_source")
    path = models.CharField(max_length=300, blank=True)
    cta = models.CharField(max_length=30, blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("sign-up source")

    def __str__(self):
        return f"{self.user_id} from {self.path or '—'} ({self.cta or 'direct'})"
