"""Article comment threads, cached per article version.

A signed-in reader's article page is rendered per request, and its comment section used to cost
four queries and most of the page's time even when the thread was empty. The thread as stored —
every post of the article with its author, in each ordering — is the same for every reader, so
it is cached under a per-article version; what depends on the reader (their own held posts, their
likes, edit rights) is applied per request (selectors.comment_thread).

Versions (the tags `comments:<article>` and `comments`, core.cachetags) change on every write that can change a thread: posts and likes (the article's version),
bans and settings (the version of all threads), through signal handlers. Writes that bypass
signals (queryset .update(), bulk_create) call `bump` themselves. Entries also expire after
`SECONDS`, which bounds what no signal covers: a member renaming themselves, a ban running out.
"""

from django.core.cache import cache

from masthead.core import cachetags

SECONDS = 60
# Tags (core.cachetags): one article's thread, and every thread. The page cache keeps an
# anonymous article page with the same tags, so a comment makes that page stale too, and no other.
ALL = "comments"


def tag(article_id=None):
    return f"comments:{article_id}" if article_id else ALL


def version(article_id):
    """(this article's version, every thread's version); each created on first use."""
    found = cachetags.versions([tag(article_id), ALL])
    return found[tag(article_id)], found[ALL]


def bump(article_id=None):
    """Make the article's cached thread (and pages showing it) stale, or every thread's."""
    cachetags.invalidate(tag(article_id))


def get_or_build(article_id, variant, build):
    article_v, all_v = version(article_id)
    if article_v is None or all_v is None:  # the cache is unreachable
        return build()
    key = f"community:thread:{article_id}:{article_v}:{all_v}:{variant}"
    posts = cache.get(key)
    if posts is None:
        posts = build()
        cache.set(key, posts, SECONDS)
    return posts
