"""Panels other apps add to the member's account page (billing, newsletters, …).

An app registers a template and a function returning its context in AppConfig.ready(); the
account view renders them in order without knowing the apps.
"""

_sections = []


def register(*, key, template, context, order=100):
    """`context(request) -> dict | None` (None: the panel is not shown)."""
    _sections[:] = [s for s in _sections if s["key"] != key]
    _sections.append({"key": key, "template": template, "context": context, "order": order})
    _sections.sort(key=lambda s: s["order"])


def render_context(request):
    panels = []
    for section in _sections:
        data = section["context"](request)
        if data is not None:
            panels.append({"key": section["key"], "template": section["template"], "data": data})
    return panels
