"""Article comment threads, cached per article version.

A signed-in reader's article page is rendered per request, and its comment section used to cost
four queries and most of the page's time even when the thread was empty. The thread as stored —
every post of the article with its author, in each ordering — is the same for every reader, so
it is cached under a per-article version; what depends on the reader (their own held posts, their
likes, edit rights) is applied per request (selectors.comment_thread).

Versions change on every write that can change a thread: posts and likes (the article's version),
bans and settings (the version of all threads), through signal handlers. Writes that bypass
signals (queryset .update(), bulk_create) call `bump` themselves. Entries also expire after
`SECONDS`, which bounds what no signal covers: a member renaming themselves, a ban running out.
"""

import secrets

from django.core.cache import cache

SECONDS = 60
ALL = "community:threads:v"


def _key(article_id):
    return f"community:thread:{article_id}:v"


def version(article_id):
    """(this article's version, every thread's version); each created on first use."""
    found = cache.get_many([_key(article_id), ALL])
    article_v, all_v = found.get(_key(article_id)), found.get(ALL)
    if article_v is None:
        article_v = secrets.randbits(48)
        cache.add(_key(article_id), article_v, None)
    if all_v is None:
        all_v = secrets.randbits(48)
        cache.add(ALL, all_v, None)
    return article_v, all_v


def bump(article_id=None):
    """Make the article's cached thread stale (or every thread's, with no article)."""
    cache.set(_key(article_id) if article_id else ALL, secrets.randbits(48), None)


def get_or_build(article_id, variant, build):
    article_v, all_v = version(article_id)
    key = f"community:thread:{article_id}:{article_v}:{all_v}:{variant}"
    posts = cache.get(key)
    if posts is None:
        posts = build()
        cache.set(key, posts, SECONDS)
    return posts
