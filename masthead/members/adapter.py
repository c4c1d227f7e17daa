"""How django-allauth behaves for Masthead: emails carry the site's name and a sign-in link."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse


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
        return super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject):
        return subject  # no "[site]" prefix: the sender name says who it is from
