"""Article search: Wagtail's database search backend over Chinese-aware index text."""

from .search_text import query_terms
from .selectors import live_articles


def search_articles(query):
    """Live articles matching every term of the query, best first; if none match all, any term."""
    terms = query_terms(query)
    if not terms:
        return live_articles().none()
    text = " ".join(terms)
    base = live_articles()
    results = base.search(text, operator="and", order_by_relevance=True)
    if len(terms) > 1 and not results.count():
        results = base.search(text, operator="or", order_by_relevance=True)
    return results
