"""Staff reach the admin with their password, not with an emailed sign-in code alone.

Readers sign in by code (allauth); staff have accounts like anyone's and could sign in the same
way — and an emailed code is one factor, the mailbox, where the admin is guarded by the password.
A session signed in by code therefore reaches the admin areas as if it were signed out: the
admin's own login page asks for the password, and signing in there marks the session as a
password session (Django's ModelBackend, the only backend that checks one). The session keeps the
member's pages; only the admin areas ask.
"""

from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

# Sessions authenticated by these backends checked a password.
PASSWORD_BACKENDS = {"django.contrib.auth.backends.ModelBackend"}
# The admin areas (their login pages included: there too the session counts as signed out, so
# the form is shown instead of a redirect back to the admin), and those login pages.
ADMIN_PREFIXES = ("/admin/", "/django-admin/", "/dev/mailbox/")
LOGIN_PATHS = ("/admin/login/", "/django-admin/login/")


def password_session(request):
    return request.session.get(BACKEND_SESSION_KEY) in PASSWORD_BACKENDS


class StaffPasswordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = getattr(request, "user", None)
        if (
            path.startswith(ADMIN_PREFIXES)
            and user is not None
            and user.is_authenticated
            and user.is_staff
            and not password_session(request)
        ):
            request.user = AnonymousUser()
            if request.method == "GET" and path not in LOGIN_PATHS:
                messages.info(request, _("Staff sign in to the admin with their password."))
        return self.get_response(request)
