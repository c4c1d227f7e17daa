"""Ghost's official JavaScript client (`@tryghost/content-api`, from npm) reads Masthead unchanged.

The client is installed on first use into tests/api/js/node_modules (git-ignored) from the
versions pinned in package-lock.json, and run by node against a live test server.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from masthead.api.models import ApiKey
from masthead.api.services import api_key_create
from masthead.content.models import ArticlePage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

JS = Path(__file__).parent / "js"


@pytest.fixture(scope="session")
def ghost_client():
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.fail("node and npm are needed for this test (Debian: apt-get install nodejs npm)")
    if not (JS / "node_modules" / "@tryghost" / "content-api").exists():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=JS, check=True, timeout=300
        )
    return node


def test_the_official_ghost_client_browses_reads_and_pages_through_everything(ghost_client, live_server):
    _key, raw = api_key_create(name="ghost-client", kind=ApiKey.Kind.CONTENT)
    run = subprocess.run(
        [ghost_client, str(JS / "ghost_client.mjs"), live_server.url, raw],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout)

    live = ArticlePage.objects.live().filter(date__isnull=False).order_by("-date", "-pk")
    newest = list(live[:5])
    assert [p["slug"] for p in seen["latest"]] == [a.slug for a in newest]
    assert seen["latest"][0]["primary_author"] == newest[0].authors[0].slug
    assert seen["latest"][0]["primary_tag"] == newest[0].get_parent().slug
    assert seen["latestMeta"]["total"] == live.count()
    assert seen["one"] == {
        "slug": newest[0].slug,
        "title": newest[0].title,
        "hasHtml": True,
        "hasPlaintext": True,
    }
    assert sum(a["posts"] for a in seen["authors"]) >= live.count()
    assert {"ai", "fintech"} <= set(seen["tags"])
    assert seen["tiers"][0]["type"] == "free" and seen["tiers"][1]["monthly_price"] > 0
    assert seen["settingsTitle"]
    assert seen["filtered"] and set(seen["filtered"]) == {"paid:false"}
    # Paging through everything with meta.pagination.next: every post once, nothing else.
    assert len(seen["everything"]) == len(set(seen["everything"])) == live.count()
    assert len(seen["pages"]) == -(-live.count() // 15)
    assert seen["missing"] == {
        "name": "NotFoundError",
        "message": "Resource not found error, cannot read post.",
        "status": 404,
    }
    assert seen["badKey"] == {"name": "UnauthorizedError", "status": 401}
