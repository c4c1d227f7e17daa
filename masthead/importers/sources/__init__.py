"""The formats Masthead reads, by kind and name."""

from .ghost import GhostSource
from .members import GhostMembers, MemberCSV, SubstackMembers
from .substack import SubstackSource
from .wordpress import WordPressSource

SOURCES = {
    "content": {"ghost": GhostSource, "substack": SubstackSource, "wordpress": WordPressSource},
    "members": {"ghost": GhostMembers, "substack": SubstackMembers, "csv": MemberCSV},
}


def open_source(kind, name, files, options):
    try:
        cls = SOURCES[kind][name]
    except KeyError:
        raise ValueError(f"unknown {kind} source {name!r}") from None
    return cls(files, options)
