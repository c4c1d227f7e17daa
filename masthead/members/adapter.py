"""How django-allauth behaves for Masthead: emails carry the publication's name, sender and a
sign-in link; the reader's address comes from core.clientip (proxies as configured)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext as _

from masthead.core.clientip import client_ip
from masthead.core.identity import publication
from masthead.core.mail import send_later
from masthead.core.origin import absolute_url


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
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

    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_client_ip(self, request):
        # allauth's rate limits and user sessions: the same answer as every other per-IP limit.
        return client_ip(request)
