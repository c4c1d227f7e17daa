"""Read-only queries over members for reports (the analytics app's rollups)."""

from django.contrib.auth import get_user_model

from .models import SignupSource


def staff_ids():
    """Staff are not members: reports leave them out."""
    return set(get_user_model().objects.filter(is_staff=True).values_list("pk", flat=True))


def members_joined_before(when):
    """How many members (not staff) had an account at `when`."""
    return get_user_model().objects.filter(is_staff=False, date_joined__lt=when).count()


def members_joined(start, end):
    return (
        get_user_model().objects.filter(is_staff=False, date_joined__gte=start, date_joined__lt=end).count()
    )


def signup_sources(start, end):
    """(user id, path, cta) of members who signed up in [start, end) (core.attribution)."""
    return list(
        SignupSource.objects.filter(created_at__gte=start, created_at__lt=end, user__is_staff=False)
        .order_by("created_at")
        .values_list("user_id", "path", "cta")
    )
