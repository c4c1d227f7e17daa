"""The newsroom line in the demo: a few canned replies (idempotent).

Who may use the inbox is the roles' business (masthead.core.roles): Editors handle every thread;
Writers see threads assigned to them. Neither may see who sent a confidential tip: only the
administrator (a superuser) can, until someone grants "Can see who sent a confidential tip" to a
trusted editor.
"""

from .models import CannedReply

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
    for title, body in CANNED:
        _obj, made = CannedReply.objects.get_or_create(title=title, defaults={"body": body})
        created += made
    return created


def load_demo(*, site, home, now):
    """This app's part of the demo newsroom (registered with core.demo in apps.py)."""
    return load_newsroom_demo(site)
