"""What the access app holds about a member, for export and account deletion."""

from .models import GiftLink, Grant, MeterRead
from .services import gift_link_revoke, grant_end


def export_member(user):
    return {
        "grants": [
            {
                "level": g.level,
                "source": g.source,
                "starts": g.starts_at.isoformat(),
                "ends": g.ends_at.isoformat() if g.ends_at else None,
                "reason": g.reason,
            }
            for g in Grant.objects.filter(user=user)
        ],
        "metered_reads": [
            {"article": r.article.title, "month": r.month.isoformat(), "read_at": r.created_at.isoformat()}
            for r in MeterRead.objects.filter(user=user).select_related("article")
        ],
        "gift_links": [
            {
                "article": link.article.title,
                "created": link.created_at.isoformat(),
                "expires": link.expires_at.isoformat(),
                "readers": link.read_count,
                "revoked": link.revoked_at.isoformat() if link.revoked_at else None,
            }
            for link in GiftLink.objects.filter(created_by=user).select_related("article")
        ],
    }


def erase_member(user, *, now):
    """Before the account goes: end open grants (kept, anonymised) and withdraw gift links."""
    for grant in Grant.objects.filter(user=user).current(now):
        grant_end(grant=grant, reason="account deleted", now=now)
    for link in GiftLink.objects.filter(created_by=user, revoked_at__isnull=True):
        gift_link_revoke(link=link, actor=None, now=now)
