"""core.cachetags: values kept with the versions of the tags they depend on."""

import pytest
from django.core.cache import cache
from django.db.models.signals import post_save

from masthead.core import cachetags, pagecache  # noqa: F401  (registers its process cache)
from masthead.core.caching import cache_tags_header, page_tags


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"value {self.calls}"


def test_a_cached_value_is_built_once_until_one_of_its_tags_changes():
    build = Counter()
    assert cachetags.cached("t1", build, tags=("article:1",)) == "value 1"
    assert cachetags.cached("t1", build, tags=("article:1",)) == "value 1"
    cachetags.invalidate("article:2")  # another article: nothing changes here
    assert cachetags.cached("t1", build, tags=("article:1",)) == "value 1"
    cachetags.invalidate("article:1")
    assert cachetags.cached("t1", build, tags=("article:1",)) == "value 2"
    cachetags.invalidate(cachetags.SITE)  # every value depends on `site`
    assert cachetags.cached("t1", build, tags=("article:1",)) == "value 3"
    assert build.calls == 3


def test_a_hit_is_one_round_trip(monkeypatch):
    build = Counter()
    cachetags.cached("t2", build, tags=("nav",))
    calls = []
    for name in ("get", "get_many", "add", "set"):
        original = getattr(cache, name)
        monkeypatch.setattr(
            cache, name, lambda *a, _o=original, _n=name, **k: calls.append(_n) or _o(*a, **k)
        )
    assert cachetags.cached("t2", build, tags=("nav",)) == "value 1"
    # One get_many (one MGET on Redis; the test settings' disk cache implements it with gets).
    assert calls[0] == "get_many" and calls.count("get_many") == 1
    assert "set" not in calls and "add" not in calls


def test_a_flushed_version_is_a_new_version():
    build = Counter()
    cachetags.cached("t3", build, tags=("comments:7",))
    cache.delete(cachetags.tag_key("comments:7"))
    assert cachetags.cached("t3", build, tags=("comments:7",)) == "value 2"


def test_a_page_rendered_across_a_change_is_stale_at_once(rf):
    """page_tags reads the versions before the data: a change during the render wins."""
    request = rf.get("/")
    page_tags(request, "comments:9")
    stored = dict(pair.split("=") for pair in cache_tags_header(request).split())
    cachetags.invalidate("comments:9")  # lands while the page renders
    assert not cachetags.current({tag: int(v) for tag, v in stored.items()})


def test_process_caches_are_bounded_listed_and_kept_for_one_site_version():
    assert {"core.routes", "core.site_settings", "core.publication", "pagecache.tags"} <= set(
        cachetags.PROCESS_CACHES
    )
    small = cachetags.ProcessCache("test.small", 2)
    try:
        for key in "abc":
            small.set(key, key.upper(), 1)
        assert len(small) == 2 and small.get("a", 1) is None and small.get("c", 1) == "C"
        assert small.get("c", 2) is None and len(small) == 0  # a new `site` version empties it
    finally:
        del cachetags.PROCESS_CACHES["test.small"]


@pytest.mark.django_db
def test_apps_map_their_model_changes_to_tags():
    from masthead.billing.models import Plan
    from masthead.community.models import CommunitySettings

    senders = {sender for _signal, sender, _tags in cachetags.REGISTRY}
    assert Plan in senders
    before = cachetags.versions(["pricing", cachetags.SITE])
    post_save.send(sender=Plan, instance=Plan(), created=True)
    after = cachetags.versions(["pricing", cachetags.SITE])
    assert after["pricing"] != before["pricing"] and after[cachetags.SITE] != before[cachetags.SITE]
    assert CommunitySettings not in senders  # community keeps its threads' tags itself
