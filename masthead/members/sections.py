"""Moved to `masthead.core.account_sections` (issue 14: generic registries live in core, so any app
may register without importing members). Kept so code written against this path keeps working."""

from masthead.core.account_sections import register, render_context  # noqa: F401
