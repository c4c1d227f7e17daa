"""The dev mailbox: staff read mail the site "sent" while no real mail transport is configured."""

from django.conf import settings
from django.contrib.auth.decorators import user_passes_test
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_sameorigin

from .models import DevMail

# Staff sign in through the Wagtail admin's login page.
staff_member_required = user_passes_test(
    lambda user: user.is_active and user.is_staff, login_url="wagtailadmin_login"
)


def _enabled_or_404():
    if not settings.DEV_MAILBOX_ENABLED:
        raise Http404("The dev mailbox is off: a real mail transport is configured.")


@staff_member_required
def inbox(request):
    _enabled_or_404()
    messages_qs = DevMail.objects.all()
    to = request.GET.get("to", "").strip()[:320]
    if to:
        messages_qs = messages_qs.filter(to__icontains=to)
    page = Paginator(messages_qs, 50).get_page(request.GET.get("page"))
    return render(request, "core/mailbox.html", {"page": page, "to": to})


@staff_member_required
def message(request, pk):
    _enabled_or_404()
    mail = get_object_or_404(DevMail, pk=pk)
    return render(request, "core/mailbox_message.html", {"mail": mail})


@staff_member_required
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
