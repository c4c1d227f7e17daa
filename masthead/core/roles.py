"""The newsroom's roles: five staff groups with the permissions their work needs, and no more.

`roles_sync()` creates the groups and sets each one's permissions to exactly what ROLES says (model
permissions, page permissions on the whole tree, image and document permissions on every
collection). It is idempotent; running it again restores a group someone edited by hand. It runs
from `manage.py setup_roles` (a fresh install runs it once after `migrate`) and from the demo
loader. Other groups are left alone.

Permissions are named by "app_label.codename" strings, so core imports no other app.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupApprovalTask, GroupCollectionPermission, GroupPagePermission, Page

EDITORS, WRITERS, MODERATORS, DOOR_STAFF, FINANCE = (
    "Editors",
    "Writers",
    "Moderators",
    "Door staff",
    "Finance",
)

ADMIN = ["wagtailadmin.access_admin"]
COMMUNITY_MODERATION = [
    "community.view_post",
    "community.change_post",
    "community.view_report",
    "community.change_report",
    "community.view_topic",
    "community.change_topic",
    "community.view_ban",
    "community.add_ban",
    "community.change_ban",
    "community.view_category",
    "community.view_articlecommentsetting",
    "community.add_articlecommentsetting",
    "community.change_articlecommentsetting",
]
BILLING_READ = [
    f"billing.view_{model}"
    for model in (
        "subscription",
        "payment",
        "plan",
        "price",
        "offer",
        "offerredemption",
        "giftmembership",
        "prepaidmembership",
        "group",
        "groupseat",
        "providerevent",
    )
]
PAGE_EDITING = ["add_page", "change_page"]
PAGE_PUBLISHING = [*PAGE_EDITING, "publish_page", "lock_page", "unlock_page", "delete_page"]
MEDIA_USE = [
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
]
MEDIA_MANAGE = [*MEDIA_USE, "wagtailimages.change_image", "wagtaildocs.change_document"]

# name -> (what the role is for, model permissions, page permissions, collection permissions)
ROLES = {
    EDITORS: (
        _("Publish and approve articles, moderate the community, run the newsroom inbox and newsletters."),
        [
            *ADMIN,
            *COMMUNITY_MODERATION,
            "community.add_category",
            "community.change_category",
            "newsroom.view_thread",
            "newsroom.change_thread",
            "newsroom.add_cannedreply",
            "newsroom.change_cannedreply",
            "newsroom.delete_cannedreply",
            "newsletters.view_newsletter",
            "newsletters.add_issue",
            "newsletters.change_issue",
            "newsletters.view_issue",
            "newsletters.delete_issue",
            "newsletters.view_subscriber",
            "newsletters.view_suppression",
            "newsletters.add_suppression",
            "taggit.add_tag",
            "taggit.change_tag",
            "taggit.view_tag",
            # Wagtail's simple translation: "Translate" on a page makes the other edition's copy.
            "simple_translation.submit_translation",
            # Readers, conversion and content figures; money stays with Finance.
            "analytics.view_dashboard",
        ],
        PAGE_PUBLISHING,
        MEDIA_MANAGE,
    ),
    WRITERS: (
        _("Write articles and submit them for approval; answer inbox threads assigned to them."),
        [*ADMIN, "newsroom.view_thread", "simple_translation.submit_translation"],
        PAGE_EDITING,
        MEDIA_USE + ["wagtailimages.change_image"],
    ),
    MODERATORS: (
        _("The community only: the moderation queue, bans, reports."),
        [*ADMIN, *COMMUNITY_MODERATION],
        [],
        [],
    ),
    DOOR_STAFF: (
        _("Event check-in only."),
        [*ADMIN, "events.view_ticket", "events.change_ticket"],
        [],
        [],
    ),
    FINANCE: (
        _("Memberships, payments, refunds and event sales, with their exports; no content."),
        [
            *ADMIN,
            *BILLING_READ,
            "billing.change_subscription",
            "billing.change_payment",
            "events.view_order",
            "analytics.view_dashboard",
            "analytics.view_revenue",
        ],
        [],
        [],
    ),
}


def _permissions(names):
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = [
        p
        for p in Permission.objects.select_related("content_type").filter(
            codename__in={codename for _app, codename in wanted}
        )
        if (p.content_type.app_label, p.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        # Permissions are created after migrate; a missing one is a typo here or an app not installed.
        raise LookupError(f"unknown permissions: {sorted('.'.join(m) for m in missing)}")
    return found


@transaction.atomic
def roles_sync():
    """Create the five groups and give each exactly its permissions. Returns {name: Group}."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name, (_purpose, model_perms, page_perms, collection_perms) in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(model_perms))
        wanted_pages = {p.pk for p in _permissions(f"wagtailcore.{c}" for c in page_perms)}
        GroupPagePermission.objects.filter(group=group).exclude(
            page=root_page, permission_id__in=wanted_pages
        ).delete()
        for permission_id in wanted_pages:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission_id=permission_id
            )
        wanted_media = {p.pk for p in _permissions(collection_perms)}
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission_id__in=wanted_media
        ).delete()
        for permission_id in wanted_media:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission_id=permission_id
            )
        groups[name] = group
    # Wagtail's installer makes its "Moderators" the page approvers; ours moderate the community,
    # so page approval tasks that named them go to the Editors.
    for task in GroupApprovalTask.objects.filter(groups=groups[MODERATORS]):
        task.groups.remove(groups[MODERATORS])
        task.groups.add(groups[EDITORS])
    return groups
