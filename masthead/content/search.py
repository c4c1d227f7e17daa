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
    """A lazily evaluated, sliceable result list that Django's Paginator understands.

    On PostgreSQL the count and the ranked first pages come from one query (see _pg_first_pages),
    so a search request that shows one of them runs one search query, not two.
    """

    def __init__(self, terms, *, operator, locale_id=None):
        self.terms = terms
        self.operator = operator
        self.locale_id = locale_id
        self._count = None
        self._first_ids = None  # PostgreSQL: the ranked ids of the first PG_RANKED_CANDIDATES results

    def count(self):
        if self._count is None:
            if not self.terms:
                self._count = 0
            elif connection.vendor == "postgresql":
                self._count, self._first_ids = _pg_first_pages(self.terms, self.operator, self.locale_id)
            else:
                self._count = _count(self.terms, self.operator, self.locale_id)
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
        if connection.vendor == "postgresql" and start + limit <= PG_RANKED_CANDIDATES:
            self.count()
            ids = self._first_ids[start : start + limit]
        else:
            ids = _ranked_ids(self.terms, self.operator, limit, start, self.locale_id)
        # Bodies too (listings defer them): every result's snippet is cut from its readable text.
        pages = {page.pk: page for page in live_articles().defer(None).filter(pk__in=ids)}
        return attach_sections([pages[pk] for pk in ids if pk in pages])


def search_articles(query, locale_id=None):
    """Ranked results; with `locale_id`, one edition's articles only, ranked among themselves
    (issue 20: /search/ finds the English edition's articles, /zh/search/ the Chinese one's)."""
    terms = query_terms(query)
    results = SearchResults(terms, operator="and", locale_id=locale_id)
    if len(terms) > 1 and not results.count():
        results = SearchResults(terms, operator="or", locale_id=locale_id)
    return results


# PostgreSQL ranks at most this many of a query's newest matches (see _pg_first_pages).
PG_RANKED_CANDIDATES = 300


def _fts5_match(terms, operator):
    quoted = ['"' + term.replace('"', '""') + '"' for term in terms]
    return f" {operator.upper()} ".join(quoted)


def _pg_tsquery(terms, operator):
    joiner = " && " if operator == "and" else " || "
    sql = joiner.join(["plainto_tsquery('english', %s)"] * len(terms))
    return f"({sql})", list(terms)


# One edition's entries: the entry's own copy of its page's locale (search_index.entry_fields),
# a filter on the rows the text index found rather than a join to the page table per match.
PG_EDITION = " AND locale_id = %s"
FTS_EDITION = " AND rowid IN (SELECT page_id FROM content_searchentry WHERE locale_id = %s)"


def _edition(sql, locale_id):
    return (sql, [locale_id]) if locale_id else ("", [])


def _count(terms, operator, locale_id=None):
    edition, more = _edition(FTS_EDITION, locale_id)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM content_search_fts WHERE content_search_fts MATCH %s{edition}",
            [_fts5_match(terms, operator), *more],
        )
        return cursor.fetchone()[0]


def _pg_first_pages(terms, operator, locale_id=None):
    """(number of matches, the ranked ids of the newest PG_RANKED_CANDIDATES matches), in one query.

    Rank the newest matches only: ts_rank_cd reads each candidate's whole vector, and a common
    word in a 100,000-article archive matches tens of thousands of them (measured: p95 227 ms →
    see docs/notes/issue-9.md). A news search wants recent stories anyway; an exact headline
    match older than the cap still ranks by date. Finding the newest matches reads every
    matching row for its date, so the count comes from that same pass (a window count before
    the limit) rather than from a second scan of the same rows (docs/notes/issue-15-search15.md).
    """
    tsquery, params = _pg_tsquery(terms, operator)
    edition, more = _edition(PG_EDITION, locale_id)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT page_id, matches FROM ("
            "SELECT page_id, vector, date, matches FROM ("
            f"SELECT page_id, vector, date, count(*) OVER () AS matches FROM content_searchentry "
            f"WHERE vector @@ {tsquery}{edition}) AS matched "
            "ORDER BY date DESC, page_id DESC LIMIT %s) AS recent, "
            f"(SELECT {tsquery} AS q) AS query "
            "ORDER BY ts_rank_cd(recent.vector, query.q, 1) DESC, date DESC, page_id DESC",
            [*params, *more, PG_RANKED_CANDIDATES, *params],
        )
        rows = cursor.fetchall()
    return (rows[0][1] if rows else 0), [row[0] for row in rows]


def _ranked_ids(terms, operator, limit, offset, locale_id=None):
    """A page of results outside PostgreSQL's ranked first pages (or any page on SQLite)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deep pages of a broad query: newest first (ranking there would re-rank everything).
            tsquery, params = _pg_tsquery(terms, operator)
            edition, more = _edition(PG_EDITION, locale_id)
            cursor.execute(
                f"SELECT page_id FROM content_searchentry WHERE vector @@ {tsquery}{edition} "
                "ORDER BY date DESC, page_id DESC LIMIT %s OFFSET %s",
                [*params, *more, limit, offset],
            )
        else:
            weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
            edition, more = _edition(FTS_EDITION, locale_id)
            cursor.execute(
                f"SELECT rowid FROM content_search_fts WHERE content_search_fts MATCH %s{edition} "
                f"ORDER BY bm25(content_search_fts, {weights}), rowid DESC LIMIT %s OFFSET %s",
                [_fts5_match(terms, operator), *more, limit, offset],
            )
        return [row[0] for row in cursor.fetchall()]
