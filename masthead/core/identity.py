"""The publication's identity — name, sender, reply-to, postal address, logo, favicon — for code.

    from masthead.core.identity import publication
    pub = publication()
    pub.name, pub.from_email, pub.reply_to_list, pub.postal_address, pub.logo, pub.favicon

Templates get the same object as `publication` (core.context_processors.site_chrome), plus
`site_name` (its name) for older templates. Emails sent by core.mail carry `publication`,
`site_name` and `site_url` in their context and `publication.from_email` as the default From.

It is read once per process per page-cache generation (saving it bumps the generation, so a
change shows everywhere within about a second); a worker sending mail reads it the same way.
"""

from .pagecache import current_generation

_cached = {}


def publication():
    """The PublicationSettings row (core.models), with its logo and favicon loaded."""
    from .models import PublicationSettings

    generation = current_generation()
    value = _cached.get(generation)
    if value is None:
        value = (
            PublicationSettings.objects.select_related("logo", "favicon").first()
            or PublicationSettings.load()
        )
        _cached.clear()
        _cached[generation] = value
    return value


def forget():
    _cached.clear()
