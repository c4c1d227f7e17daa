"""The text of an article a given decision allows, for snippets and feeds.

Callers get a decision from masthead.access (anonymous_decision, peek) and pass `full`; this
module never decides access itself.
"""

from .body import plain_text, split_body, without_break


def readable_blocks(article, *, full):
    if full:
        return without_break(article.body)
    preview, _rest = split_body(article.body)
    return preview


def readable_text(article, *, full):
    return plain_text(readable_blocks(article, full=full))
