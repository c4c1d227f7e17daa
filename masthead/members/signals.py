"""Domain signals of the members app, for apps above it (the api app's webhooks).

Sent after the change commits.
"""

from django.dispatch import Signal

# A reader's account was made: signing up on the site (allauth), members.services.member_create, or
# an import (members.services.member_import).
# Not sent for staff accounts made in the admin or by `createsuperuser`.
member_created = Signal()  # member_id

# A member changed their name (members.services.member_profile_update, or an import) or their address (allauth).
member_updated = Signal()  # member_id

# A member's account was deleted (members.services.member_delete). The account is gone by the time
# receivers run, so the address it had is passed along.
member_deleted = Signal()  # member_id, email
