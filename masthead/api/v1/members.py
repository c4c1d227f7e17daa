"""Members: list, read, create, rename. Scope `members:read` / `members:write`."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from masthead.access.selectors import member_status, with_member_status
from masthead.members.services import display_name, member_create, member_profile_update

from .base import (
    ERRORS,
    ERRORS_404,
    ApiError,
    DbId,
    ErrorOut,
    PageMeta,
    not_found,
    paginate,
    require,
)

router = Router(tags=["members"])


class MemberOut(Schema):
    id: int
    email: str
    name: str
    created_at: datetime
    status: str = Field(description="staff, paying, trial, complimentary, lapsed or free")


class MemberList(Schema):
    items: list[MemberOut]
    meta: PageMeta


class MemberCreate(Schema):
    email: str = Field(max_length=254)
    name: str = Field("", max_length=100)


class MemberChange(Schema):
    name: str = Field(max_length=100)


def _out(user, now):
    return {
        "id": user.pk,
        "email": user.email,
        "name": display_name(user),
        "created_at": user.date_joined,
        "status": member_status(user=user, now=now),
    }


def _members():
    return (
        get_user_model()
        .objects.filter(is_staff=False)
        .select_related("profile")
        .order_by("-date_joined", "-pk")
    )


def _member(member_id):
    user = _members().filter(pk=member_id).first()
    if user is None:
        raise not_found(_("member"))
    return user


@router.get("/", response={200: MemberList, **ERRORS}, summary="List members, newest first")
def list_members(
    request,
    page: int = Query(1, ge=1, le=1_000_000),
    limit: int = Query(20, ge=1, le=100),
    search: str = Query("", max_length=200, description="Part of an address or name"),
):
    require(request, "members:read")
    now = timezone.now()
    qs = with_member_status(_members(), now=now)  # one query for the page's statuses
    if search:
        qs = qs.filter(Q(email__icontains=search) | Q(profile__display_name__icontains=search))
    rows, meta = paginate(qs, page, limit)
    return {"items": [_out(u, now) for u in rows], "meta": meta}


@router.get("/{member_id}/", response={200: MemberOut, **ERRORS_404}, summary="One member")
def get_member(request, member_id: DbId):
    require(request, "members:read")
    return _out(_member(member_id), timezone.now())


@router.post("/", response={201: MemberOut, 409: ErrorOut, **ERRORS}, summary="Create a member")
def create_member(request, data: MemberCreate):
    require(request, "members:write")
    try:
        validate_email(data.email)
    except DjangoValidationError as error:
        raise ApiError(400, "invalid", _("email: not a valid address.")) from error
    try:
        user = member_create(email=data.email, name=data.name)
    except ValueError as error:
        raise ApiError(409, "exists", _("A member with this address exists.")) from error
    return Status(201, _out(user, timezone.now()))


@router.patch("/{member_id}/", response={200: MemberOut, **ERRORS_404}, summary="Change a member's name")
def change_member(request, member_id: DbId, data: MemberChange):
    require(request, "members:write")
    user = _member(member_id)
    member_profile_update(user=user, display_name=data.name.strip())
    user.refresh_from_db()
    return _out(user, timezone.now())
