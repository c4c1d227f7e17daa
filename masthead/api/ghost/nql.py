"""A subset of Ghost's filter language (NQL), parsed into a tree the resources turn into queries.

    tag:news+featured:true            AND (`+`, or a space: a raw `+` in a URL decodes to one)
    tag:news,tag:ai                   OR (binds looser than AND)
    (tag:news,tag:ai)+featured:true   grouping
    tag:-news   tag:[news,ai]   tag:-[news,ai]     not, in, not in
    published_at:>'2024-01-01'  >=  <  <=          comparisons (quoted or bare values)
    title:~'robot'   ~^ starts with   ~$ ends with

Anything else is a FilterError with a message saying where, which the API answers with 400.
"""

import re
from dataclasses import dataclass

from django.db.models import Q


class FilterError(ValueError):
    pass


@dataclass(frozen=True)
class Comparison:
    field: str
    op: str  # "=", "!=", ">", ">=", "<", "<=", "~", "~^", "~$", "in", "not in"
    value: object  # a string, or a tuple of strings for "in" / "not in"


@dataclass(frozen=True)
class And:
    parts: tuple


@dataclass(frozen=True)
class Or:
    parts: tuple


MAX_LENGTH = 1000
MAX_DEPTH = 10
FIELD = re.compile(r"[a-z_][a-z0-9_.]*", re.I)
BARE = re.compile(r"[^\s,+()\[\]'\"]+")
OPERATORS = (">=", "<=", ">", "<", "~^", "~$", "~", "-")


class _Parser:
    def __init__(self, text):
        self.text, self.pos = text, 0

    def error(self, message):
        raise FilterError(f"{message} at position {self.pos + 1} of the filter")

    def skip_spaces(self):
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def peek(self):
        self.skip_spaces()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def parse(self):
        if not self.text.strip():
            raise FilterError("the filter is empty")
        tree = self.expression(0)
        if self.peek():
            self.error(f"unexpected {self.peek()!r}")
        return tree

    def expression(self, depth):
        parts = [self.conjunction(depth)]
        while self.peek() == ",":
            self.pos += 1
            parts.append(self.conjunction(depth))
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def conjunction(self, depth):
        parts = [self.term(depth)]
        while True:
            start = self.pos
            char = self.peek()
            if char == "+":
                self.pos += 1
            elif char in ("", ",", ")") or self.pos == start:
                # A space (a decoded `+`) between two terms also means AND.
                break
            parts.append(self.term(depth))
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def term(self, depth):
        if depth > MAX_DEPTH:
            self.error("too many nested parentheses")
        if self.peek() == "(":
            self.pos += 1
            tree = self.expression(depth + 1)
            if self.peek() != ")":
                self.error("missing ')'")
            self.pos += 1
            return tree
        self.skip_spaces()
        match = FIELD.match(self.text, self.pos)
        if not match:
            self.error("expected a field name")
        field = match.group(0).lower()
        self.pos = match.end()
        if self.peek() != ":":
            self.error(f"expected ':' after {field!r}")
        self.pos += 1
        self.skip_spaces()
        op = "="
        for candidate in OPERATORS:
            if self.text.startswith(candidate, self.pos):
                op = {"-": "!="}.get(candidate, candidate)
                self.pos += len(candidate)
                break
        self.skip_spaces()
        if self.text.startswith("[", self.pos):
            if op not in ("=", "!="):
                self.error("a list can only be matched with : or :-")
            return Comparison(field, "in" if op == "=" else "not in", self.value_list())
        return Comparison(field, op, self.value())

    def value_list(self):
        self.pos += 1  # [
        values = [self.value()]
        while self.peek() == ",":
            self.pos += 1
            values.append(self.value())
        if self.peek() != "]":
            self.error("missing ']'")
        self.pos += 1
        return tuple(values)

    def value(self):
        self.skip_spaces()
        if self.pos < len(self.text) and self.text[self.pos] in "'\"":
            quote = self.text[self.pos]
            end = self.pos + 1
            chars = []
            while end < len(self.text) and self.text[end] != quote:
                if self.text[end] == "\\" and end + 1 < len(self.text):
                    end += 1
                chars.append(self.text[end])
                end += 1
            if end >= len(self.text):
                self.error("unterminated quoted value")
            self.pos = end + 1
            return "".join(chars)
        match = BARE.match(self.text, self.pos)
        if not match:
            self.error("expected a value")
        self.pos = match.end()
        return match.group(0)


def parse(text):
    if len(text) > MAX_LENGTH:
        raise FilterError(f"the filter is longer than {MAX_LENGTH} characters")
    return _Parser(text).parse()


def compile_tree(tree, fields):
    """Turn a parsed filter into a Django Q with `fields`: {name: callable(op, value) -> Q}."""
    if isinstance(tree, And | Or):
        compiled = [compile_tree(part, fields) for part in tree.parts]
        result = compiled[0]
        for q in compiled[1:]:
            result = (result & q) if isinstance(tree, And) else (result | q)
        return result
    handler = fields.get(tree.field)
    if handler is None:
        raise FilterError(f"cannot filter by {tree.field!r}; filterable fields: {', '.join(sorted(fields))}")
    q = handler(tree.op, tree.value)
    assert isinstance(q, Q)  # noqa: S101 - an invariant of the handlers above, not input
    return q


def matches(tree, record, getters):
    """Evaluate a parsed filter against one record in Python (small lists: tags, tiers).

    `getters`: {field name: callable(record) -> str}. Supports =, !=, lists and ~ / ~^ / ~$.
    """
    if isinstance(tree, And):
        return all(matches(part, record, getters) for part in tree.parts)
    if isinstance(tree, Or):
        return any(matches(part, record, getters) for part in tree.parts)
    getter = getters.get(tree.field)
    if getter is None:
        raise FilterError(f"cannot filter by {tree.field!r}; filterable fields: {', '.join(sorted(getters))}")
    actual = str(getter(record) or "").lower()
    wanted = [v.lower() for v in (tree.value if isinstance(tree.value, tuple) else (tree.value,))]
    if tree.op in ("=", "in"):
        return actual in wanted
    if tree.op in ("!=", "not in"):
        return actual not in wanted
    if tree.op == "~":
        return wanted[0] in actual
    if tree.op == "~^":
        return actual.startswith(wanted[0])
    if tree.op == "~$":
        return actual.endswith(wanted[0])
    raise FilterError(f"the operator {tree.op!r} cannot be used with {tree.field!r}")
