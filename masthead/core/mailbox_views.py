"""The dev mailbox: superusers read mail the site "sent" while no real mail transport is configured.

It holds every sign-in code the site sends, so whoever reads it can sign in as anyone: only
superusers may (a Writer reading the superuser's code would become superuser), and never in
production, whatever the mail settings say.
"""

from django.conf import settings
from django.contrib.auth.decorators import user_passes_test
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_sameorigin

from .models import DevMail

# Staff sign in through the Wagtail admin's login page.
superuser_required = user_passes_test(
    lambda user: user.is_active and user.is_superuser, login_url="wagtailadmin_login"
)


def _enabled_or_404():
    if not settings.DEV_MAILBOX_ENABLED or settings.PRODUCTION:
        raise Http404("The dev mailbox is off: a real mail transport is configured.")


@superuser_required
def inbox(request):
    _enabled_or_404()
    messages_qs = DevMail.objects.all()
    to = request.GET.get("to", "").strip()[:320]
    if to:
        messages_qs = messages_qs.filter(to__icontains=to)
    page = Paginator(messages_qs, 50).get_page(request.GET.get("page"))
    return render(request, "core/mailbox.html", {"page": page, "to": to})


@superuser_required
def message(request, pk):
    _enabled_or_404()
    mail = get_object_or_404(DevMail, pk=pk)
    return render(request, "core/mailbox_message.html", {"mail": mail})


@superuser_required
@xframe_options_sameorigin
def message_html(request, pk):
    _enabled_or_404()
    mail = get_object_or_404(DevMail, pk=pk)
    response = HttpResponse(mail.html_body or "<p>(no HTML part)</p>")
    # The HTML part is shown in a sandboxed frame; it must not run scripts or load anything.
    response["Content-Security-Policy"] = (
        "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; sandbox"
    )
    return response
