"""The admin API with its routers; masthead/urls.py mounts `api.urls` at /api/v1/."""

from .base import api
from .events import router as events_router
from .members import router as members_router
from .memberships import router as memberships_router
from .newsletters import router as newsletters_router
from .newsroom import router as newsroom_router

api.add_router("/members/", members_router)
api.add_router("/memberships/", memberships_router)
api.add_router("/newsletters/", newsletters_router)
api.add_router("/events/", events_router)
api.add_router("/newsroom/", newsroom_router)

__all__ = ["api"]
