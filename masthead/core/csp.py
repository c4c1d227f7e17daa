"""The Content-Security-Policy header (django-csp), with the Wagtail admin's exception.

The site's pages run only the site's own script files; the few inline scripts on pages rendered
per person (newsletter confirmation, gift links) carry the request's nonce. Pages that anonymous
readers share through the page cache have no inline script and no nonce (a cached nonce would be
the same for every reader); core.pagecache refuses to store a response whose policy has one.

The Wagtail admin cannot run under a nonce policy: its form widgets (date and time choosers,
inline panels) write inline scripts that no template of ours renders, so nothing can give them a
nonce. The admin's pages therefore allow inline scripts ('unsafe-inline', without a nonce, which
browsers would otherwise let override it) and keep every other directive. Only staff reach them.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class MastheadCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(ADMIN_PREFIXES):
            parts.replace = {**(parts.replace or {}), "script-src": [SELF, UNSAFE_INLINE]}
            parts.nonce = None
        return parts
