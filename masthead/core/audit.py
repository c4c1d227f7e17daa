"""Recording who changed what: one call per state change, inside the change's transaction."""

from django.utils import timezone

from .models import AuditEntry
from .requestlog import current_client_ip, current_request_id


def audit(code, *, actor=None, member=None, target=None, reason="", now=None, **data):
    """Record `code` (e.g. "access.grant.created") for `target`, done by `actor` to `member`.

    Call it inside the transaction that makes the change, so the entry exists exactly when the
    change does. `data` must be JSON-serialisable. Inside a request, the reader's address and
    the request id are recorded too.
    """
    return AuditEntry.objects.create(
        created_at=now or timezone.now(),
        code=code,
        actor=actor if getattr(actor, "pk", None) else None,
        member=member if getattr(member, "pk", None) else None,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        reason=reason[:500],
        data=data,
        client_ip=current_client_ip() or None,
        request_id=current_request_id(),
    )
