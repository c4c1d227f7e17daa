"""Public article search over SearchEntry: ranked, paginated, Chinese-aware, on SQLite or PostgreSQL.

Wagtail's own search backend still powers the admin; the public search has its own small index
because it needs column weights that SQLite's Wagtail backend does not apply (headline matches
must rank first), one tokenisation for Chinese on both databases, and a query path we can tune for
large archives. Terms are ANDed; if nothing matches every term, any term will do.
"""

from django.db import connection

from .search_text import query_terms
from .selectors import attach_sections, live_articles

# Headline, dek, body. A headline match outweighs several body mentions.
SQLITE_WEIGHTS = (10.0, 4.0, 1.0)


class SearchResults:
    """A lazily evaluated, sliceable result list that Django's Paginator understands."""

    def __init__(self, terms, *, operator):
        self.terms = terms
        self.operator = operator
        self._count = None

    def count(self):
        if self._count is None:
            self._count = _count(self.terms, self.operator) if self.terms else 0
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if isinstance(item, int):
            results = self[item : item + 1]
            if not results:
                raise IndexError(item)
            return results[0]
        start, stop = item.start or 0, item.stop
        if not self.terms or stop is not None and stop <= start:
            return []
        limit = (stop - start) if stop is not None else self.count()
        ids = _ranked_ids(self.terms, self.operator, limit, start)
        # Bodies too (listings defer them): every result's snippet is cut from its readable text.
        pages = {page.pk: page for page in live_articles().defer(None).filter(pk__in=ids)}
        return attach_sections([pages[pk] for pk in ids if pk in pages])


def search_articles(query):
    terms = query_terms(query)
    results = SearchResults(terms, operator="and")
    if len(terms) > 1 and not results.count():
        results = SearchResults(terms, operator="or")
    return results


def _fts5_match(terms, operator):
    quoted = ['"' + term.replace('"', '""') + '"' for term in terms]
    return f" {operator.upper()} ".join(quoted)


def _pg_tsquery(terms, operator):
    joiner = " && " if operator == "and" else " || "
    sql = joiner.join(["plainto_tsquery('english', %s)"] * len(terms))
    return f"({sql})", list(terms)


def _count(terms, operator):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tsquery, params = _pg_tsquery(terms, operator)
            cursor.execute(f"SELECT count(*) FROM content_searchentry WHERE vector @@ {tsquery}", params)
        else:
            cursor.execute(
                "SELECT count(*) FROM content_search_fts WHERE content_search_fts MATCH %s",
                [_fts5_match(terms, operator)],
            )
        return cursor.fetchone()[0]


def _ranked_ids(terms, operator, limit, offset):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tsquery, params = _pg_tsquery(terms, operator)
            cursor.execute(
                f"SELECT page_id FROM content_searchentry, (SELECT {tsquery} AS q) AS query "
                "WHERE vector @@ query.q ORDER BY ts_rank_cd(vector, query.q, 1) DESC, date DESC LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
        else:
            weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
            cursor.execute(
                f"SELECT rowid FROM content_search_fts WHERE content_search_fts MATCH %s "
                f"ORDER BY bm25(content_search_fts, {weights}), rowid DESC LIMIT %s OFFSET %s",
                [_fts5_match(terms, operator), limit, offset],
            )
        return [row[0] for row in cursor.fetchall()]
