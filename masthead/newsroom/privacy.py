"""What the newsroom line holds about a member, for export and account deletion.

On deletion, a member's threads go with their files — except threads kept for the corrections
record (corrections, and any thread an editor marked), which stay with the sender's name and
address removed. Internal notes are the newsroom's, not the sender's, and are never exported.
"""

from django.db.models import Q

from . import files
from .models import Attachment, Kind, Thread


def export_member(user):
    threads = Thread.objects.filter(sender=user).prefetch_related("messages__attachments")
    return {
        "conversations": [
            {
                "subject": t.subject,
                "kind": t.kind,
                "status": t.status,
                "opened": t.created_at.isoformat(),
                "confidential": t.confidential,
                "messages": [
                    {
                        "when": m.created_at.isoformat(),
                        "from": "you" if m.direction == "in" else "newsroom",
                        "text": m.body,
                        "files": [a.original_name for a in m.attachments.all()],
                    }
                    for m in t.messages.all()
                ],
            }
            for t in threads
        ]
    }


def erase_member(user, *, now=None):
    threads = Thread.objects.filter(sender=user)
    kept = threads.filter(Q(kind=Kind.CORRECTION) | Q(correction_record=True))
    kept.update(sender=None, sender_name="", sender_email="")
    gone = Thread.objects.filter(sender=user)
    for stored in Attachment.objects.filter(message__thread__in=gone).values_list("stored_name", flat=True):
        files.remove(stored)
    gone.delete()
