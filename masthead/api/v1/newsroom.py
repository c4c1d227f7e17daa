"""Newsroom threads: list and read. Scope `newsroom:read`.

An API key is not a person with the `view_confidential_sender` permission, so a confidential
tip's sender is never shown here; internal notes and attachments are not served either.
"""

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from masthead.newsroom.models import Kind, Status, Thread

from .base import ERRORS, ERRORS_404, DbId, PageMeta, not_found, paginate, require

router = Router(tags=["newsroom"])


class ThreadOut(Schema):
    id: int
    kind: str
    subject: str
    status: str
    conversation: bool
    confidential: bool
    sender_name: str | None
    sender_email: str | None
    member_id: int | None
    created_at: datetime
    updated_at: datetime
    due_at: datetime | None


class ThreadList(Schema):
    items: list[ThreadOut]
    meta: PageMeta


class MessageOut(Schema):
    id: int
    direction: str
    via: str
    body: str
    created_at: datetime


class ThreadDetail(ThreadOut):
    messages: list[MessageOut]


def _out(thread):
    hidden = thread.confidential
    return {
        "id": thread.pk,
        "kind": thread.kind,
        "subject": thread.subject,
        "status": thread.status,
        "conversation": thread.is_conversation,
        "confidential": thread.confidential,
        "sender_name": None if hidden else (thread.sender_name or None),
        "sender_email": None
        if hidden
        else (thread.sender.email if thread.sender else thread.sender_email or None),
        "member_id": None if hidden else thread.sender_id,
        "created_at": thread.created_at,
        "updated_at": thread.updated_at,
        "due_at": thread.due_at,
    }


@router.get("/threads/", response={200: ThreadList, **ERRORS}, summary="Threads, most recently active first")
def list_threads(
    request,
    page: int = Query(1, ge=1, le=1_000_000),
    limit: int = Query(20, ge=1, le=100),
    status: Status | None = Query(None),
    kind: Kind | None = Query(None),
):
    require(request, "newsroom:read")
    qs = Thread.objects.select_related("sender").order_by("-updated_at", "-pk")
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    rows, meta = paginate(qs, page, limit)
    return {"items": [_out(t) for t in rows], "meta": meta}


@router.get(
    "/threads/{thread_id}/", response={200: ThreadDetail, **ERRORS_404}, summary="A thread and its messages"
)
def get_thread(request, thread_id: DbId):
    require(request, "newsroom:read")
    thread = Thread.objects.select_related("sender").filter(pk=thread_id).first()
    if thread is None:
        raise not_found(_("thread"))
    data = _out(thread)
    data["messages"] = [
        {"id": m.pk, "direction": m.direction, "via": m.via, "body": m.body, "created_at": m.created_at}
        for m in thread.messages.order_by("created_at", "pk")
    ]
    return data
