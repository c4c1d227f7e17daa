"""Moved to `masthead.core.privacy` (issue 14: generic registries live in core, so any app may
register without importing members). Kept so code written against this path keeps working."""

from masthead.core.privacy import erasers, export_sections, register  # noqa: F401
