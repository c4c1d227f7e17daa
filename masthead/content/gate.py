"""The article gate: how content asks who may read an article, without importing `access`.

Content stores an article's access level and cuts its body; deciding who may read past the
premium break is the `access` app's (its pure policy in access.policy). Content declares what it
needs here and `access` registers the implementation in AccessConfig.ready() (access.gate), so
the dependency points down: access → content, never back.

Every decision object has at least `.full` (the reader gets the whole text) and `.reason`.
"""

from typing import Any, Protocol


class ArticleGate(Protocol):
    def decision_for_request(self, request, article, *, gift=None) -> Any:
        """The article page's decision for this request's reader (may spend a metered read)."""

    def anonymous_decision(self, article) -> Any:
        """What an anonymous reader gets: feeds, the search index, shared caches."""

    def may_read_free(self, request, article, now) -> bool:
        """Would this request's reader see the full text without spending anything? (snippets)"""

    def preview_as(self, request, article, mode) -> Any:
        """Make `request` read `article` as a `mode` reader (ArticlePage.preview_modes) would."""

    def same_page_for_variant(self, decision) -> bool:
        """Is this decision's page the same for every reader of its access variant (so the page
        cache may keep it per variant)? A metered read or a preview is not."""

    def reader_context(self, request, article, decision, *, public) -> dict:
        """The article template's paywall prompt, meter notice and `can_gift` for this reader."""


_gate: ArticleGate | None = None


def register(gate: ArticleGate) -> None:
    global _gate
    _gate = gate


def gate() -> ArticleGate:
    if _gate is None:
        raise LookupError("no article gate registered (the access app registers it in ready())")
    return _gate
