"""Start-up checks (`manage.py check`, and every command that runs checks: migrate, worker, dev).

Settings that are malformed stop start-up in settings.py itself; what needs the database or the
network to judge is checked here.
"""

from django.core.checks import Error, Warning, register
from django.db import DatabaseError

from . import origin
from .storage import storage_reachable  # noqa: F401  (registers the storage check)


@register("masthead")
def site_url_matches_site_record(app_configs, **kwargs):
    problems = []
    if not origin.representable():
        problems.append(
            Error(
                "SITE_URL uses https on a port other than 443, which Wagtail's site record cannot express.",
                hint="Serve the site on https://host (port 443) behind the proxy, or use http:// for a test site.",
                id="masthead.E010",
            )
        )
    try:
        mismatch = origin.site_record_mismatch()
    except DatabaseError:
        return problems  # not migrated yet: `migrate` sets the record
    if mismatch:
        problems.append(
            Warning(mismatch, hint="Run `manage.py set_site_url` (migrate also does it).", id="masthead.W010")
        )
    return problems
