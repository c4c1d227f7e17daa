"""Read-only queries over newsletters for reports (the analytics app's rollups)."""

from django.db.models import Count, Q

from .models import Delivery, Issue, Newsletter, Subscription, Suppression


def issue_stats(started_since):
    """Per issue whose sending started at or after `started_since`: its counts so far.

    Opens and clicks are only known for newsletters with engagement tracking on; `tracked` says so.
    """
    issues = list(
        Issue.objects.filter(started_at__gte=started_since)
        .select_related("newsletter")
        .values(
            "id", "subject", "started_at", "newsletter_id", "newsletter__name", "newsletter__track_engagement"
        )
    )
    counts = {
        row["issue_id"]: row
        for row in Delivery.objects.filter(issue_id__in=[i["id"] for i in issues])
        .values("issue_id")
        .annotate(
            planned=Count("id"),
            sent=Count("id", filter=Q(state=Delivery.State.SENT)),
            failed=Count("id", filter=Q(state=Delivery.State.FAILED)),
            opened=Count("id", filter=Q(opened_at__isnull=False)),
            clicked=Count("id", filter=Q(clicked_at__isnull=False)),
        )
    }
    result = []
    for issue in issues:
        row = counts.get(issue["id"], {})
        result.append(
            {
                "id": issue["id"],
                "subject": issue["subject"],
                "started_at": issue["started_at"],
                "newsletter_id": issue["newsletter_id"],
                "newsletter": issue["newsletter__name"],
                "tracked": issue["newsletter__track_engagement"],
                **{k: row.get(k, 0) for k in ("planned", "sent", "failed", "opened", "clicked")},
            }
        )
    return result


def suppressions(start, end):
    """{reason: addresses suppressed in [start, end)} (bounced, complained, rejected, staff)."""
    rows = (
        Suppression.objects.filter(created_at__gte=start, created_at__lt=end)
        .values("reason")
        .annotate(n=Count("id"))
    )
    return {row["reason"]: row["n"] for row in rows}


def subscription_changes(start, end):
    """({newsletter id: subscribed}, {newsletter id: unsubscribed}) in [start, end)."""
    started = (
        Subscription.objects.filter(started_at__gte=start, started_at__lt=end)
        .values("newsletter_id")
        .annotate(n=Count("id"))
    )
    ended = (
        Subscription.objects.filter(ended_at__gte=start, ended_at__lt=end)
        .values("newsletter_id")
        .annotate(n=Count("id"))
    )
    return (
        {row["newsletter_id"]: row["n"] for row in started},
        {row["newsletter_id"]: row["n"] for row in ended},
    )


def issue_titles(ids):
    """{issue id: {subject, newsletter, started_at}}."""
    return {
        row["id"]: {
            "subject": row["subject"],
            "newsletter": row["newsletter__name"],
            "started_at": row["started_at"],
        }
        for row in Issue.objects.filter(pk__in=ids).values("id", "subject", "newsletter__name", "started_at")
    }


def newsletter_names(ids):
    return dict(Newsletter.objects.filter(pk__in=ids).values_list("pk", "name"))
