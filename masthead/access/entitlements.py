"""Entitlements for the page cache: issued from the policy, revoked when grants change.

core.entitlement signs and checks the cookie; this module decides what goes in it (the reader's
`policy.variant`, valid until the next grant boundary at the latest) and when every entitlement
of a member goes stale (their grants change, they sign out, they become staff). docs/caching.md
describes the layers.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from masthead.core import entitlement as signed
from masthead.core.caching import (
    CACHE_PARAMS_HEADER,
    CACHE_TAGS_HEADER,
    cache_params_header,
    cache_tags_header,
)

from .models import Grant
from .policy import variant, variant_holds_until
from .readers import reader_for_request

VARIANT_HEADER = "X-Masthead-Variant"


class EntitlementMiddleware:
    """After authentication: accept the page cache's claim, and keep the cookie current.

    The page cache passes a verified entitlement in the WSGI environ (a client cannot set that
    key). It is accepted only if the session's member is the entitlement's and the policy still
    puts them in its variant; then pages that offer themselves per variant
    (core.caching.offer_variant) are rendered without personal parts and marked for the page
    cache to keep. Every response to a signed-in member then carries a fresh entitlement if
    theirs is missing, stale or close to expiry; staff and signed-out visitors lose theirs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.masthead_variant = None
        request.masthead_variant_page = None
        claim = request.META.get(signed.ENVIRON_KEY)
        if claim is not None:
            user = request.user
            if user.is_authenticated and user.pk == claim.user_id and not user.is_staff:
                if variant(reader_for_request(request), timezone.now()) == claim.variant:
                    request.masthead_variant = claim.variant
        response = self.get_response(request)
        page_variant = getattr(request, "masthead_variant_page", None)
        if page_variant and response.status_code == 200 and not response.cookies:
            response[VARIANT_HEADER] = page_variant
            response[CACHE_PARAMS_HEADER] = cache_params_header(request)
            if tags := cache_tags_header(request):
                response[CACHE_TAGS_HEADER] = tags
        if response.status_code < 500:
            refresh_cookie(request, response)
        return response


def refresh_cookie(request, response):
    user = getattr(request, "user", None)
    has_cookie = signed.COOKIE_NAME in request.COOKIES
    if user is None or not user.is_authenticated or user.is_staff:
        if has_cookie:
            response.delete_cookie(signed.COOKIE_NAME, samesite="Lax")
        return
    session_key = request.session.session_key
    now = timezone.now()
    reader = reader_for_request(request, now)
    current = variant(reader, now)
    if not session_key or current not in signed.CACHEABLE_VARIANTS:
        if has_cookie:
            response.delete_cookie(signed.COOKIE_NAME, samesite="Lax")
        return
    version = signed.current_version(user.pk)
    if version is None:  # the shared cache is down: the page cache serves no one anyway
        return
    now_ts = now.timestamp()
    held = signed.verify(request.COOKIES.get(signed.COOKIE_NAME), session_key, now_ts)
    lifetime = signed.lifetime()
    if (
        held is not None
        and (held.user_id, held.variant, held.version) == (user.pk, current, version)
        and held.expires - now_ts > lifetime / 2
    ):
        return
    expires = now_ts + lifetime
    boundary = variant_holds_until(reader, now)
    if boundary is not None:
        # A grant starting or ending sooner (a trial's last day, a membership running out)
        # changes the variant at that moment, with nothing to bump the version: expire then.
        expires = min(expires, boundary.timestamp())
    if expires - now_ts < 1:
        if has_cookie:
            response.delete_cookie(signed.COOKIE_NAME, samesite="Lax")
        return
    response.set_cookie(
        signed.COOKIE_NAME,
        signed.sign(
            user_id=user.pk, variant=current, version=version, expires=expires, session_key=session_key
        ),
        max_age=int(expires - now_ts),
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def revoke(user_id, *, at_once=False):
    """Every entitlement of `user_id` goes stale once the change commits (and now too, if
    `at_once`: signing out must not wait for anything).

    Grants wait for the commit: an entitlement reissued before it read the old grants and
    carries the version the commit then replaces. Nothing is written inside a transaction that
    may hold row locks (billing webhooks), and a failing cache cannot fail the commit's other
    callbacks (robust)."""
    if user_id is None:
        return
    if at_once:
        signed.bump_version(user_id)
    transaction.on_commit(lambda: signed.bump_version(user_id), robust=True)


@receiver(post_save, sender=Grant)
@receiver(post_delete, sender=Grant)
def grants_changed(sender, instance, **kwargs):
    # Trials starting, payments failing, memberships ending, complimentary access revoked: all
    # of them create or end a Grant (access.services).
    revoke(instance.user_id)


@receiver(user_logged_out)
def signed_out(sender, request=None, user=None, **kwargs):
    revoke(getattr(user, "pk", None), at_once=True)


@receiver(user_logged_in)
def signed_in(sender, request=None, user=None, **kwargs):
    revoke(getattr(user, "pk", None), at_once=True)


@receiver(post_delete, sender="usersessions.UserSession")
def session_ended(sender, instance, **kwargs):
    # "Sign out other devices" deletes those sessions without a signed-out signal.
    revoke(instance.user_id, at_once=True)


@receiver(post_save, sender=get_user_model())
def member_changed(sender, instance, created=False, update_fields=None, **kwargs):
    # Becoming staff (never cached) or being deactivated; a sign-in touches only last_login.
    if not created and not (update_fields and set(update_fields) <= {"last_login"}):
        revoke(instance.pk)


@receiver(pre_delete, sender=get_user_model())
def member_deleted(sender, instance, **kwargs):
    revoke(instance.pk, at_once=True)
