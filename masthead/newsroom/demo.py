"""The newsroom line in the demo: who may use the inbox, and a few canned replies (idempotent).

Editors handle every thread; writers see threads assigned to them. Neither group may see who sent
a confidential tip: only the administrator (a superuser) can, until someone grants the permission
"Can see who sent a confidential tip" to a trusted editor.
"""

from django.contrib.auth.models import Group, Permission

from .models import CannedReply

EDITOR_PERMISSIONS = [
    "view_thread",
    "change_thread",
    "add_cannedreply",
    "change_cannedreply",
    "delete_cannedreply",
]
WRITER_PERMISSIONS = ["view_thread"]
CANNED = [
    (
        "Thanks for the tip",
        "Dear {name},\n\nThank you for the tip. A reporter is looking into it and may write to you with "
        "questions. Please keep any documents you have.\n\nThe newsroom",
    ),
    (
        "Correction made",
        "Dear {name},\n\nThank you: you were right, and we have corrected the article. The correction "
        "is noted at the foot of the piece.\n\nThe newsroom",
    ),
    (
        "We will look into it",
        "Dear {name},\n\nThank you for your question. We are finding the right person to answer it "
        "and will write again soon.\n\nThe newsroom",
    ),
]


def load_newsroom_demo(site=None):
    created = 0
    for group_name, codenames in (("Editors", EDITOR_PERMISSIONS), ("Writers", WRITER_PERMISSIONS)):
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        perms = Permission.objects.filter(content_type__app_label="newsroom", codename__in=codenames)
        group.permissions.add(*perms)
    for title, body in CANNED:
        _obj, made = CannedReply.objects.get_or_create(title=title, defaults={"body": body})
        created += made
    return created
