"""Addresses of member profiles that cannot be enumerated.

A profile's URL carries the member's id with a keyed hash of it (SECRET_KEY), so nobody can walk
/community/members/1/, /2/, … to list the members: a profile is reached only from a link the site
itself showed (a post's byline, the member's own settings).
"""

from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "masthead.community.member_profile"
# 16 hex characters: 64 bits, far beyond guessing one profile, let alone listing them.
DIGEST_CHARS = 16


def _digest(user_id):
    return salted_hmac(SALT, str(user_id)).hexdigest()[:DIGEST_CHARS]


def profile_key(user_id):
    return f"{user_id}-{_digest(user_id)}"


def user_id_from_key(key):
    """The member id a profile key names, or None for a key the site did not make."""
    user_id, _, digest = key.partition("-")
    if not user_id.isdigit() or not constant_time_compare(digest, _digest(int(user_id))):
        return None
    return int(user_id)


def profile_url(user_id):
    return reverse("community:member_profile", args=[profile_key(user_id)])
