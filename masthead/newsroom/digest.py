"""The daily digest to editors: what came in, what is open, what is overdue.

A periodic job calls `digest_send` often; it sends at most once a day, after the configured hour,
because a DigestRun row per day (unique) is claimed before anything is sent.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from masthead.core.mail import send_templated

from .models import OPEN_STATUSES, DigestRun, InboxSettings, Thread


def editors():
    """Active staff who handle the inbox (the change permission, directly, by group or superuser)."""
    perm = Permission.objects.get(codename="change_thread", content_type__app_label="newsroom")
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(user_permissions=perm) | Q(groups__permissions=perm))
        .exclude(email="")
        .distinct()
    )


def digest_summary(now):
    open_threads = Thread.objects.filter(status__in=OPEN_STATUSES)
    return {
        "new": Thread.objects.filter(created_at__gte=now - timedelta(days=1)).count(),
        "open": open_threads.count(),
        "overdue": list(
            open_threads.filter(due_at__lt=now).select_related("assignee").order_by("due_at")[:50]
        ),
        "unassigned": open_threads.filter(assignee__isnull=True).count(),
    }


def digest_send(*, now=None):
    """Send today's digest if it is due and not yet sent. Returns the number of editors mailed."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    if local.hour < InboxSettings.load().digest_hour:
        return 0
    try:
        with transaction.atomic():
            run = DigestRun.objects.create(day=local.date())
    except IntegrityError:
        return 0  # already sent today (by this worker or another)
    summary = digest_summary(now)
    if not summary["new"] and not summary["open"]:
        return 0  # nothing came in and nothing is open: no email (the day's run is still claimed)
    context = {
        **summary,
        "day": local.date(),
        "inbox_url": settings.SITE_URL + reverse("newsroom_admin:inbox"),
        "overdue_url": settings.SITE_URL + reverse("newsroom_admin:inbox") + "?overdue=1",
    }
    sent = 0
    for editor in editors():
        if send_templated("newsroom/email/digest", to=editor.email, context={**context, "editor": editor}):
            sent += 1
    DigestRun.objects.filter(pk=run.pk).update(sent_to=sent)
    return sent
