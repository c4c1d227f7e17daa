"""Member operations: creating an account, the profile, data export, account deletion, and
members brought from elsewhere."""

import hashlib
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from masthead.core import privacy
from masthead.core.attribution import came_from
from masthead.core.audit import audit

from . import signals
from .models import Profile, SignupSource

# Kept when an account is deleted, and said so on the delete page.
KEPT_ON_DELETE = (
    _("Payment records and invoices the law requires us to keep for accounting, without your name."),
    _("Corrections and letters we published, as they appeared."),
    _("An anonymous entry in our records saying an account was deleted, and when."),
)


def display_name(user):
    """The member's name for staff and for the member themselves: their address if they gave none.
    Never for other members or the public: use public_name."""
    profile = getattr(user, "profile", None)
    return (profile.display_name if profile else "") or user.get_full_name() or user.email


def signup_source_record(*, user, next_url, now=None):
    """Remember where `user` signed up from (their sign-up's `next` URL). Once per member."""
    now = now or timezone.now()
    path, cta = came_from(next_url or "")
    source, _created = SignupSource.objects.get_or_create(
        user=user, defaults={"path": path, "cta": cta, "created_at": now}
    )
    return source


def member_create(*, email, name="", language="", actor=None, now=None):
    """Make a reader's account for `email` (staff or the admin API; readers sign up themselves).

    The address counts as verified: whoever made the account vouches for it. Raises ValueError
    if the address already has an account.
    """
    now = now or timezone.now()
    email = get_user_model().objects.normalize_email(email).strip()
    with transaction.atomic():
        if EmailAddress.objects.filter(email__iexact=email).exists() or (
            get_user_model().objects.filter(email__iexact=email).exists()
        ):
            raise ValueError("an account with this address exists")
        user = get_user_model().objects.create_user(
            username=_free_username(email), email=email, password=None, date_joined=now
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        Profile.objects.create(user=user, display_name=name[:100], language=supported_language(language))
        audit("members.account.created", actor=actor, member=user, now=now)
        transaction.on_commit(lambda: signals.member_created.send(sender=None, member_id=user.pk))
    return user


def _free_username(email):
    base = email.split("@", 1)[0][:100] or "member"
    username = base
    while get_user_model().objects.filter(username=username).exists():
        username = f"{base}-{secrets.token_hex(3)}"
    return username


def member_profile_update(*, user, display_name=None, language=None, now=None):
    """Change the name a member shows to the newsroom and the community, and/or the language
    they read and are written to in (None: leave it as it is)."""
    if language is not None and language not in LANGUAGE_CODES:
        raise ValueError(f"unknown language {language!r}")
    with transaction.atomic():
        profile, _created = Profile.objects.select_for_update().get_or_create(user=user)
        changed = []
        if display_name is not None and profile.display_name != display_name:
            profile.display_name = display_name
            changed.append("display_name")
        if language is not None and profile.language != language:
            profile.language = language
            changed.append("language")
        if not changed:
            return profile
        profile.save(update_fields=changed)
        if "display_name" in changed:
            transaction.on_commit(lambda: signals.member_updated.send(sender=None, member_id=user.pk))
    return profile


# --- The member's language (issue 20) -----------------------------------------------------------
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def supported_language(code):
    """`code` as one of settings.LANGUAGES ("zh" and "zh-Hans" → "zh-hans"), or "" if none fits."""
    if not code:
        return ""
    try:
        return translation.get_supported_language_variant(code.lower())
    except LookupError:
        return ""


def member_language(user):
    """The language a member chose, or "" (not chosen, or not a member)."""
    if user is None or not getattr(user, "pk", None):
        return ""
    language = Profile.objects.filter(user_id=user.pk).values_list("language", flat=True).first()
    return language if language in LANGUAGE_CODES else ""


def language_for_email(address):
    """The language to write to `address` in: its member's choice, or "" (no account, no choice).

    Used by core.mail for every message (members.apps registers it), so a notice goes out in the
    recipient's language whoever's request or job sends it."""
    if not address or not isinstance(address, str):
        return ""
    language = (
        Profile.objects.filter(user__email__iexact=address.strip())
        .exclude(language="")
        .values_list("language", flat=True)
        .first()
    )
    return language if language in LANGUAGE_CODES else ""


def member_language_remember(*, user, language):
    """At sign-up: the edition the member signed up in becomes their language, unless chosen."""
    language = supported_language(language)
    if not language or not getattr(user, "pk", None):
        return
    Profile.objects.get_or_create(user=user)
    Profile.objects.filter(user=user, language="").update(language=language)


def public_name(user):
    """The member's name as other members and the public see it: the name they chose, or a
    neutral "A member" — never their email address."""
    profile = getattr(user, "profile", None)
    return (profile.display_name if profile else "") or user.get_full_name() or str(_("A member"))


def member_export(*, user, now=None):
    """Everything we hold about `user`, as a JSON-able dict."""
    now = now or timezone.now()

    profile = Profile.objects.filter(user=user).first()
    data = {
        "exported_at": now.isoformat(),
        "account": {
            "email": user.email,
            "name": display_name(user),
            "joined": user.date_joined.isoformat(),
            "last_sign_in": user.last_login.isoformat() if user.last_login else None,
            "profile_created": profile.created_at.isoformat() if profile else None,
            "staff_note": profile.note if profile else "",
            "labels": profile.labels if profile else [],
        },
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "sessions": _sessions(user),
        "signed_up_from": [
            {"page": s.path, "call_to_action": s.cta, "when": s.created_at.isoformat()}
            for s in SignupSource.objects.filter(user=user)
        ],
        "history": [
            {"when": e.created_at.isoformat(), "what": e.code, "reason": e.reason, "details": e.data}
            for e in user.audit_entries.all()
        ],
    }
    for section, exporter in sorted(privacy.export_sections().items()):
        data[section] = exporter(user)
    return data


def _sessions(user):
    # Lazy and guarded: allauth's usersessions is an optional app of allauth.
    try:
        from allauth.usersessions.models import UserSession
    except ImportError:  # pragma: no cover - usersessions is installed
        return []
    return [
        {
            "ip": s.ip,
            "user_agent": s.user_agent,
            "created": s.created_at.isoformat(),
            "last_seen": s.last_seen_at.isoformat() if s.last_seen_at else None,
        }
        for s in UserSession.objects.filter(user=user)
    ]


def member_delete(*, user, actor=None, now=None):
    """Delete a member's account and personal data; keep what accounting requires, anonymised.

    Each app's eraser runs first (ending access, withdrawing gift links), then the account row
    goes; records that must outlive it point at nobody (their foreign keys are SET_NULL).
    """
    now = now or timezone.now()
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().get(pk=user.pk)
        for _section, erase in sorted(privacy.erasers().items()):
            erase(user, now=now)
        audit(
            "members.account.deleted",
            actor=actor if actor is not None and actor.pk != user.pk else None,
            now=now,
            member_id=user.pk,
            by_self=actor is None or actor.pk == user.pk,
        )
        member_id, email = user.pk, user.email
        user.delete()
        transaction.on_commit(
            lambda: signals.member_deleted.send(sender=None, member_id=member_id, email=email)
        )


# --- Members brought from another platform ---------------------------------------------------


def normalise_email(email):
    return (email or "").strip().lower()


def _username_for(email):
    local = email.split("@", 1)[0]
    return f"{local[:30]}-{hashlib.sha256(email.encode()).hexdigest()[:10]}"


def member_find(*, email):
    """The account with `email` (any of its addresses), or None."""
    email = normalise_email(email)
    address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    if address is not None:
        return address.user
    return get_user_model().objects.filter(email__iexact=email).first()


def member_import(*, email, name="", note="", labels=(), joined_at=None, actor=None, now=None):
    """Create or update a member from another platform's list. Returns (user, created, changed).

    The address counts as verified (the old platform verified it; the member signs in with a
    code sent to it anyway). No welcome email and no default newsletters: an import is not a
    sign-up, and newsletter choices come with the member's recorded consent
    (newsletters.services.newsletter_import_choice). Labels are added, never removed; a note or
    name replaces the one we have only when the source has one. Raises ValidationError for an
    address that is not one.
    """
    now = now or timezone.now()
    email = normalise_email(email)
    validate_email(email)
    labels = [str(label).strip()[:60] for label in labels if str(label).strip()]
    with transaction.atomic():
        user = member_find(email=email)
        created = user is None
        if created:
            user = get_user_model()(
                username=_username_for(email), email=email, date_joined=joined_at or now, is_active=True
            )
            user.set_unusable_password()
            try:
                with transaction.atomic():
                    user.save()
            except IntegrityError:
                user.username = _username_for(f"{email}:{now.timestamp()}")
                user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        profile, _made = Profile.objects.get_or_create(user=user)
        before = (profile.display_name, profile.note, list(profile.labels))
        profile.display_name = (name or profile.display_name)[:100]
        profile.note = note or profile.note
        profile.labels = list(dict.fromkeys([*profile.labels, *labels]))
        changed = created or before != (profile.display_name, profile.note, profile.labels)
        if changed:
            profile.save(update_fields=["display_name", "note", "labels"])
        if created:
            audit("members.account.imported", actor=actor, member=user, target=user, now=now)
            transaction.on_commit(lambda: signals.member_created.send(sender=None, member_id=user.pk))
        elif changed:
            transaction.on_commit(lambda: signals.member_updated.send(sender=None, member_id=user.pk))
    return user, created, changed
