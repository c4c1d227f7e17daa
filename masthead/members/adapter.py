"""How django-allauth behaves for Masthead: emails carry the site's name and a sign-in link."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext as _

from masthead.core.mail import send_later


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        request = context.get("request") or getattr(self, "request", None)
        site_name = settings.WAGTAIL_SITE_NAME
        if request is not None:
            from wagtail.models import Site

            site = Site.find_for_request(request)
            site_name = (site.site_name if site else "") or site_name
        context.setdefault("site_name", site_name)
        if template_prefix == "account/email/login_code":
            path = reverse("account_confirm_login_code")
            context["confirm_url"] = request.build_absolute_uri(path) if request else settings.SITE_URL + path
        message = self.render_mail(template_prefix, email, context)
        # The worker sends it (core.mail.send_later): a slow mail server never holds up the
        # sign-in page. If it could be neither queued nor sent, the reader is told so.
        if not send_later(message) and request is not None:
            messages.error(
                request,
                _("We could not send the email just now. Please try again in a few minutes."),
            )

    def format_email_subject(self, subject):
        return subject  # no "[site]" prefix: the sender name says who it is from
