"""The demo newsroom's newsletters (idempotent, like the rest of the demo)."""

from django.utils import timezone

from masthead.content.models import ArticlePage
from masthead.core.identity import publication

from .models import Issue, Newsletter

NEWSLETTERS = [
    {
        "slug": "daily-briefing",
        "name": "The Daily Briefing",
        "description": "The day's technology news from China and beyond, every weekday morning.",
        "audience": "everyone",
        "subscribe_new_members": True,
        "in_signup_box": True,
        "sort_order": 1,
    },
    {
        "slug": "weekly-analysis",
        "name": "Weekly Analysis",
        "description": "Our editors' long read on the week, with every premium article in full.",
        "audience": "paying",
        "subscribe_new_members": True,
        "sort_order": 2,
    },
    {
        "slug": "china-deals",
        "name": "China Deals",
        "description": "Funding rounds, acquisitions and IPOs, for members who follow the money.",
        "audience": "paying",
        "sort_order": 3,
    },
]


def load_newsletters_demo(*, now=None):
    now = now or timezone.now()
    created = 0
    for spec in NEWSLETTERS:
        fields = {k: v for k, v in spec.items() if k != "slug"}
        fields.update(sender_name=publication().name, sender_email=publication().sender_email)
        _n, made = Newsletter.objects.get_or_create(slug=spec["slug"], defaults=fields)
        created += made
    # Who may compose and send issues: the Editors role (masthead.core.roles).
    daily = Newsletter.objects.get(slug="daily-briefing")
    if not daily.issues.exists():
        articles = list(ArticlePage.objects.live().order_by("-date")[:3])
        premium = ArticlePage.objects.live().filter(access_level="premium").order_by("-date").first()
        if premium is not None and premium not in articles:
            articles.append(premium)
        body = [("heading", "Today's stories")] + [("article", {"article": a, "note": ""}) for a in articles]
        Issue.objects.create(
            newsletter=daily,
            subject="The Daily Briefing: what we are watching",
            preheader="Three stories, and one for members.",
            intro="<p>Good morning. Here is what our newsroom is reading today.</p>",
            body=body,
            status=Issue.Status.SENT,
            started_at=now,
            finished_at=now,
        )
        Issue.objects.create(
            newsletter=daily,
            subject="The Daily Briefing (draft)",
            intro="<p>A draft issue for you to edit, preview and send.</p>",
            body=body,
        )
        created += 2
    return created


def load_demo(*, site, home, now):
    """This app's part of the demo newsroom (registered with core.demo in apps.py)."""
    return load_newsletters_demo()
