"""Ghost's query parameters, checked: anything malformed is a BadRequest with a message.

`limit` is 1–100 (default 15); `all` means 100, Ghost's own ceiling since 5.x for the content API,
and `meta.pagination` then says so and pages on. `page` is 1 or more; a page past the end is
empty, with the real totals (as Ghost answers). `include`, `fields` and `formats` ignore names
they do not know (as Ghost does); `filter` and `order` refuse them, saying which are allowed.
"""

from dataclasses import dataclass, field

from . import nql

DEFAULT_LIMIT = 15
MAX_LIMIT = 100


class BadRequest(ValueError):
    pass


@dataclass
class Params:
    limit: int = DEFAULT_LIMIT
    page: int = 1
    filter: object = None
    include: frozenset = frozenset()
    fields: frozenset | None = None
    formats: frozenset = frozenset({"html"})
    order: list = field(default_factory=list)
    currency: str = ""


def _names(raw):
    return frozenset(part.strip().lower() for part in (raw or "").split(",") if part.strip())


def parse(query, *, orders, default_order):
    """Params from a QueryDict. `orders` is {public name: model field}."""
    params = Params(include=_names(query.get("include")), order=default_order)
    raw_limit = query.get("limit")
    if raw_limit not in (None, ""):
        if raw_limit == "all":
            params.limit = MAX_LIMIT
        elif raw_limit.isdigit() and 1 <= int(raw_limit) <= MAX_LIMIT:
            params.limit = int(raw_limit)
        else:
            raise BadRequest(f"limit must be a whole number from 1 to {MAX_LIMIT}, or all.")
    raw_page = query.get("page")
    if raw_page not in (None, ""):
        if not raw_page.isdigit() or not 1 <= int(raw_page) <= 1_000_000:
            raise BadRequest("page must be a whole number from 1.")
        params.page = int(raw_page)
    if query.get("fields"):
        params.fields = _names(query.get("fields"))
    if query.get("formats"):
        params.formats = _names(query.get("formats"))
    if query.get("filter") not in (None, ""):
        try:
            params.filter = nql.parse(query["filter"])
        except nql.FilterError as error:
            raise BadRequest(f"Invalid filter: {error}.") from error
    if query.get("order") not in (None, ""):
        params.order = parse_order(query["order"], orders)
    params.currency = (query.get("currency") or "").upper()[:3]
    return params


def parse_order(raw, orders):
    result = []
    for part in raw.split(","):
        words = part.split()
        if not words or len(words) > 2:
            raise BadRequest(f"Invalid order {raw!r}: use e.g. 'published_at desc'.")
        name, direction = words[0].lower(), (words[1].lower() if len(words) == 2 else "asc")
        if name not in orders:
            raise BadRequest(f"cannot order by {name!r}; ordering fields: {', '.join(sorted(orders))}.")
        if direction not in ("asc", "desc"):
            raise BadRequest(f"order direction must be asc or desc, not {direction!r}.")
        result.append((name, direction == "desc"))
    return result
