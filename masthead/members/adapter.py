"""How django-allauth behaves for Masthead: emails carry the publication's name, sender and a
sign-in link; the reader's address comes from core.clientip (proxies as configured)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib import messages
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from masthead.core.clientip import client_ip
from masthead.core.editions import edition_url, prefix_for
from masthead.core.identity import publication
from masthead.core.mail import bcp47, language_for, send_later
from masthead.core.origin import absolute_url

from .services import member_language


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # In the recipient's language: the member's saved preference, else the language of the
        # page that asked for it (signing up or in on /zh/… is Chinese) — core.mail.language_for.
        language = language_for(email)
        with translation.override(language):
            self._send_mail(template_prefix, email, context, language)

    def _send_mail(self, template_prefix, email, context, language):
        context.setdefault("site_name", publication().name)
        context.setdefault("publication", publication())
        if template_prefix == "account/email/login_code":
            context["confirm_url"] = absolute_url(reverse("account_confirm_login_code"))
        # Links allauth built from the request (signup_url, …) go on the public origin, never the
        # Host header of the request that asked for the email.
        request = context.get("request") or getattr(self, "request", None)
        if request is not None:
            request_origin = request.build_absolute_uri("/")[:-1]
            for key, value in list(context.items()):
                if isinstance(value, str) and value.startswith(request_origin + "/"):
                    context[key] = absolute_url(value[len(request_origin) :])
        message = self.render_mail(template_prefix, email, context)
        message.extra_headers["Content-Language"] = bcp47(language)
        # The worker sends it (core.mail.send_later): a slow mail server never holds up the
        # sign-in page. If it could be neither queued nor sent, the reader is told so.
        if not send_later(message) and request is not None:
            messages.error(
                request,
                _("We could not send the email just now. Please try again in a few minutes."),
            )

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if not message.reply_to:
            message.reply_to = publication().reply_to_list
        return message

    def get_from_email(self):
        return publication().from_email

    def format_email_subject(self, subject):
        return subject  # no "[site]" prefix: the sender name says who it is from

    def get_login_redirect_url(self, request):
        return _in_members_language(super().get_login_redirect_url(request), request.user)

    def post_login(self, request, user, *, redirect_url=None, **kwargs):
        # A member who chose a language lands in it: the page they were going to (`next`), in
        # their edition when it is one of the reader's pages outside Wagtail (core.editions).
        if redirect_url:
            redirect_url = _in_members_language(redirect_url, user)
        return super().post_login(request, user, redirect_url=redirect_url, **kwargs)

    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_client_ip(self, request):
        # allauth's rate limits and user sessions: the same answer as every other per-IP limit.
        return client_ip(request)


def _in_members_language(url, user):
    """Where a member lands after signing in: in the language they chose, else in the language
    of the page they signed in on (/zh/… is Chinese) — the same page in that edition."""
    language = member_language(user) or translation.get_language() or settings.LANGUAGE_CODE
    localised = edition_url(url, language)
    if localised is None and url.split("?", 1)[0] == "/":
        localised = "/" + prefix_for(language)  # the default landing page: the edition's home
    return localised or url
