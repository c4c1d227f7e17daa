"""Browser tests: Playwright for Python driving Debian's chromium against Django's live server.

They commit to the database (the live server is another thread with its own connection), so they
run with transactional_db and serialized rollback, which restores the demo newsroom afterwards.
"""

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: run scripts/ensure-chromium (make test does).")
    from playwright.sync_api import sync_playwright

    from tests.conftest import reattach_snapshots

    # Playwright's sync API runs an event loop in the test thread from here on; Django refuses ORM
    # calls from a thread with a running loop unless told this is intended. Only the browser tests
    # need it, so only they say it (and only while Playwright runs).
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            reattach_snapshots()
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


# Every page reports what the Content-Security-Policy blocked (the browser's own event), so every
# browser test also proves the pages it visits work under the policy.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
                " on " + location.pathname);
});
"""


@pytest.fixture
def csp_violations():
    return []


@pytest.fixture
def browser_context_options():
    """Extra options for every browser context a test opens (a test module may override it)."""
    return {}


@pytest.fixture(autouse=True)
def _public_origin_is_the_live_server(settings, live_server):
    """Links the site builds on its public origin (emails, social cards, icons) must reach the
    server the browser talks to, as they would in production."""
    settings.SITE_URL = live_server.url


@pytest.fixture
def new_page(browser, live_server, csp_violations, browser_context_options):
    """Open pages in fresh browser contexts (a new context is a new, cookie-less visitor)."""
    contexts = []

    def make(viewport=None):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport or {"width": 1280, "height": 900},
            **browser_context_options,
        )
        context.set_default_timeout(20_000)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on(
            "console",
            lambda message: (
                csp_violations.append(message.text)
                if "CSP violation" in message.text or "Content Security Policy" in message.text
                else None
            ),
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    assert not csp_violations, csp_violations


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def staff_password():
    from masthead.content.demo.loader import Loader

    return Loader().staff_password()


def admin_login(page, username, password):
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
