"""The demo community: four categories, a staff announcement, and a short conversation."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from . import text
from .models import Category, Post, Topic

CATEGORIES = [
    (
        "Founders",
        "founders",
        "Building companies in China and across Asia: hiring, fundraising, going abroad.",
        "members",
    ),
    ("Investors", "investors", "Deals, valuations and the funds behind them. For paying members.", "paying"),
    ("Policy watch", "policy-watch", "Regulation, export controls and what they mean in practice.", "paying"),
    ("Off-topic", "off-topic", "Everything else. Be kind.", "members"),
]


def load_community_demo(site=None, *, now=None):
    """Idempotent: creates nothing when the categories exist. Returns how many rows it made."""
    if Category.objects.exists():
        return 0
    now = now or timezone.now()
    for position, (name, slug, description, access) in enumerate(CATEGORIES):
        Category.objects.create(
            name=name,
            slug=slug,
            description=description,
            access=access,
            position=position,
            # The founders' room is the community's shop window: visitors may read it.
            public_read=slug == "founders",
        )
    staff = get_user_model().objects.filter(is_staff=True).order_by("pk").first()
    if staff is None:
        return len(CATEGORIES)

    def post(topic, body, minutes):
        at = now - timezone.timedelta(minutes=minutes)
        return Post.objects.create(
            author=staff,
            topic=topic,
            body=body,
            body_html=text.render(body),
            body_hash=text.fingerprint(body),
            created_at=at,
        )

    founders = Category.objects.get(slug="founders")
    welcome = Topic.objects.create(
        category=founders,
        author=staff,
        title="Welcome to the community",
        created_at=now,
        last_activity_at=now,
        is_pinned=True,
        is_announcement=True,
    )
    post(welcome, "Introduce yourself: what are you **building**, and what should we be covering?", 60)
    return len(CATEGORIES) + 2


def load_demo(*, site, home, now):
    """This app's part of the demo newsroom (registered with core.demo in apps.py)."""
    return load_community_demo(site)
