"""axe-core (vendored: tests/browser/vendor) on the pages readers use most: no serious or
critical accessibility violation on home, article, paywall, pricing, account, event and community."""

from pathlib import Path

import pytest

from masthead.events.models import EventPage

from .test_community import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()


def violations(page, path):
    response = page.goto(path)
    assert response.status == 200, path
    page.add_script_tag(content=AXE)
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return [v for v in found if v["impact"] in ("serious", "critical")]


def test_reader_pages_have_no_serious_accessibility_violations(new_page, demo, django_user_model):
    premium = demo.article(access_level="premium", language="en")
    pages = {
        "home": "/",
        "article": demo.article(access_level="public", language="en").url,
        "paywall": premium.url,
        "pricing": "/membership/",
        "event": EventPage.objects.get(slug="ai-summit").url,
        "community": "/community/",
        "community category": "/community/c/founders/",
    }
    visitor = new_page()
    found = {name: violations(visitor, path) for name, path in pages.items()}
    member = django_user_model.objects.create_user("axe-reader", "axe-reader@example.com", None)
    reader = signed_in_page(new_page, member)
    found["account"] = violations(reader, "/account/")
    found["community, signed in"] = violations(reader, "/community/")
    found["phone home"] = violations(new_page(viewport={"width": 390, "height": 844}), "/")
    assert {name: v for name, v in found.items() if v} == {}
