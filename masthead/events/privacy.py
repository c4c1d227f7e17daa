"""What the events app holds about a member, for export and account deletion.

Orders stay for accounting (their member link is nulled, SET_NULL); the waitlist is dropped.
"""

from .models import Order, WaitlistEntry


def export_member(user):
    return {
        "orders": [
            {
                "event": o.event.title,
                "reference": o.reference,
                "state": o.state,
                "total": o.total,
                "currency": o.currency,
                "date": o.created_at.isoformat(),
                "tickets": [
                    {"code": t.code, "attendee": t.attendee_name, "email": t.attendee_email, "state": t.state}
                    for t in o.tickets.all()
                ],
            }
            for o in Order.objects.filter(user=user).select_related("event").prefetch_related("tickets")
        ],
        "waitlist": [
            {"event": w.event.title, "state": w.state, "joined": w.created_at.isoformat()}
            for w in WaitlistEntry.objects.filter(user=user).select_related("event")
        ],
    }


def erase_member(user, *, now):
    WaitlistEntry.objects.filter(user=user).delete()
