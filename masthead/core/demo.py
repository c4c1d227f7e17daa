"""The demo newsroom's parts from each app (issue 14: apps register, nobody reaches up).

`content.demo.loader` builds the pages and staff and then runs every registered part in `order`,
inside its transaction. An app registers a dotted path in AppConfig.ready() — a path, so the demo
code is imported only when the demo is loaded — to a function taking keyword arguments `site`
(the default Wagtail site), `home` (its home page) and `now`, returning how many rows it created.
Loading again must create nothing.

    demo.register("events", "masthead.events.demo.load_demo", order=50)
"""

from django.utils.module_loading import import_string

_parts: dict[str, tuple[int, str]] = {}


def register(name, path, *, order=100):
    _parts[name] = (order, path)


def load_registered(*, site, home, now):
    """Run every registered part in order; returns the rows they created."""
    created = 0
    for _order, path in sorted(_parts.values()):
        created += import_string(path)(site=site, home=home, now=now)
    return created
