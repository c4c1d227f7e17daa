"""Field handlers for `filter`: each turns (operator, value) into a Django Q, or refuses."""

import re
from datetime import UTC, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from . import ids
from .nql import FilterError

VISIBILITY = {"public": ["public", ""], "members": ["members"], "paid": ["premium"], "tiers": ["premium"]}
RELATIVE = re.compile(r"^now(?:([+-])(\d{1,4})([dhm]))?$", re.I)
COMPARE = {">": "gt", ">=": "gte", "<": "lt", "<=": "lte"}


def _refuse(field_name, op):
    return FilterError(f"the operator {op!r} cannot be used with {field_name!r}")


def _values(value):
    return value if isinstance(value, tuple) else (value,)


def _match(op, value, single, field_name):
    """`single(v) -> Q` for one value; lists and negation built around it."""
    if op in ("=", "in"):
        q = Q()
        for i, v in enumerate(_values(value)):
            q = single(v) if i == 0 else q | single(v)
        return q
    if op in ("!=", "not in"):
        return ~_match("=", value, single, field_name)
    raise _refuse(field_name, op)


def text(model_field, name):
    def handler(op, value):
        if op == "~":
            return Q(**{f"{model_field}__icontains": value})
        if op == "~^":
            return Q(**{f"{model_field}__istartswith": value})
        if op == "~$":
            return Q(**{f"{model_field}__iendswith": value})
        return _match(op, value, lambda v: Q(**{model_field: v}), name)

    return handler


def boolean(model_field, name):
    def single(v):
        if v.lower() not in ("true", "false"):
            raise FilterError(f"{name} is true or false, not {v!r}")
        return Q(**{model_field: v.lower() == "true"})

    return lambda op, value: _match(op, value, single, name)


def parse_when(value, name):
    relative = RELATIVE.match(value.strip())
    if relative:
        sign, amount, unit = relative.groups()
        when = timezone.now()
        if sign:
            delta = timedelta(**{{"d": "days", "h": "hours", "m": "minutes"}[unit.lower()]: int(amount)})
            when = when + delta if sign == "+" else when - delta
        return when
    try:
        parsed = parse_datetime(value.replace(" ", "T", 1)) if ("T" in value or " " in value) else None
        if parsed is None:
            day = parse_date(value)
            parsed = datetime.combine(day, time.min) if day else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise FilterError(f"{name} needs a date such as '2024-05-01' or '2024-05-01 12:00:00', not {value!r}")
    # Ghost reads dates without a zone as UTC.
    return parsed if timezone.is_aware(parsed) else parsed.replace(tzinfo=UTC)


def date(model_field, name):
    def handler(op, value):
        if op in COMPARE:
            return Q(**{f"{model_field}__{COMPARE[op]}": parse_when(value, name)})
        return _match(op, value, lambda v: Q(**{model_field: parse_when(v, name)}), name)

    return handler


def ghost_id(kind, model_field="pk", name="id"):
    def single(v):
        found_kind, pk = ids.decode(v)
        if found_kind != kind:
            return Q(pk__in=[])
        return Q(**{model_field: pk})

    return lambda op, value: _match(op, value, single, name)


def visibility(model_field="access_level"):
    def single(v):
        levels = VISIBILITY.get(v.lower())
        if levels is None:
            raise FilterError(f"visibility is one of {', '.join(VISIBILITY)}, not {v!r}")
        return Q(**{f"{model_field}__in": levels})

    return lambda op, value: _match(op, value, single, "visibility")


def article_tag(section_paths, *, primary=False, name="tag"):
    """A post's tags are its section (the primary tag) and its keyword tags.
    `section_paths`: {section slug: [tree paths]} — every edition has a section with the slug
    (issue 20), and posts are every edition's, so a slug names the sections of all of them."""

    def single(v):
        v = v.lower()
        q = Q(pk__in=[])
        for path in section_paths.get(v, ()):
            q |= Q(path__startswith=path)
        if not primary:
            q |= Q(tags__slug=v)
        return q

    return lambda op, value: _match(op, value, single, name)


def article_author(*, primary=False, name="author"):
    def single(v):
        if primary:
            return Q(article_authors__author__slug=v, article_authors__sort_order=0)
        return Q(article_authors__author__slug=v)

    return lambda op, value: _match(op, value, single, name)


def status():
    """Only published posts are ever served: status:published matches all, anything else none."""

    def single(v):
        return Q() if v.lower() == "published" else Q(pk__in=[])

    return lambda op, value: _match(op, value, single, "status")


def constant(result, name):
    """A field every row of a resource has the same value of (a page's visibility: public)."""

    def single(v):
        return Q() if v.lower() == result else Q(pk__in=[])

    return lambda op, value: _match(op, value, single, name)
