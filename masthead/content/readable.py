"""The text of an article that an anonymous reader may read, for snippets and feeds."""

from .body import plain_text, split_body, without_break


def readable_text(article):
    if article.effective_access_level == "public":
        return plain_text(without_break(article.body))
    preview, _rest = split_body(article.body)
    return plain_text(preview)
