"""What newsletters hold about a member, for export and account deletion.

On deletion the subscriber row goes with the account (CASCADE), and with it the subscriptions
and deliveries. A suppression is kept: it exists so that an address that bounced or complained is
never mailed again, which the owner of the address would want too.
"""

from .models import Delivery, Subscriber


def export_member(user):
    subscriber = Subscriber.objects.filter(user=user).first()
    if subscriber is None:
        return {"subscriptions": [], "received": 0}
    return {
        "address": subscriber.email,
        "subscriptions": [
            {
                "newsletter": s.newsletter.name,
                "since": s.started_at.isoformat(),
                "ended": s.ended_at.isoformat() if s.ended_at else None,
            }
            for s in subscriber.subscriptions.select_related("newsletter")
        ],
        "received": Delivery.objects.filter(subscriber=subscriber, state=Delivery.State.SENT).count(),
    }


def erase_member(user, *, now):
    Subscriber.objects.filter(user=user).delete()
