"""The newsroom's daily work in a real browser: the premium-break warning, previews as readers see
them, finance's export; and a reader's phone header, navigation and share actions."""

import pytest
from playwright.sync_api import expect

from masthead.content.models import ArticleAuthor, ArticlePage

from .conftest import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SECRET = "Below-the-break sentence for paying readers only."


@pytest.fixture
def draft_with_break(demo):
    page = ArticlePage(
        title="Draft: the chip subsidy nobody claimed",
        slug="chip-subsidy-nobody-claimed",
        dek="A subsidy worth billions, and the paperwork that kept it unclaimed.",
        body=[
            ("paragraph", "<p>Everyone may read this opening.</p>"),
            ("premium_break", None),
            ("paragraph", f"<p>{SECRET}</p>"),
        ],
        access_level="public",
        live=False,
    )
    page.article_authors.add(ArticleAuthor(author=demo.authors["wang-lei"], sort_order=0))
    demo.sections["hardware"].add_child(instance=page)
    page.save_revision()
    return page


def publish(editor):
    editor.locator("footer .w-dropdown__toggle").last.click()
    editor.locator("button[name=action-publish]").click()


def test_publishing_a_public_article_with_a_premium_break_warns_and_the_editor_chooses(
    new_page, draft_with_break, staff_password
):
    editor = new_page()
    admin_login(editor, "editor", staff_password)
    editor.goto(f"/admin/pages/{draft_with_break.pk}/edit/")
    expect(editor.locator("button[name=action-publish]")).to_contain_text("Publish · Public")
    publish(editor)
    expect(editor.locator("main")).to_contain_text("would be free for everyone")
    assert not ArticlePage.objects.get(pk=draft_with_break.pk).live

    # The editor meant it for paying readers: choose Premium (on the main tab) and publish.
    premium = editor.get_by_label("Premium: paying members")
    premium.check()
    expect(premium).to_be_checked()
    publish(editor)
    # Wagtail's own success message (a bare "published" could match text already on the page).
    expect(editor.locator(".messages")).to_contain_text("has been published")
    article = ArticlePage.objects.get(pk=draft_with_break.pk)
    assert article.live and article.access_level == "premium"
    reader = new_page()
    reader.goto(article.url)
    expect(reader.locator(".paywall")).to_be_visible()
    expect(reader.locator("main")).not_to_contain_text(SECRET)


def test_the_editor_previews_an_article_as_each_reader_sees_it(new_page, draft_with_break, staff_password):
    editor = new_page()
    admin_login(editor, "editor", staff_password)
    editor.goto(f"/admin/pages/{draft_with_break.pk}/edit/")
    editor.get_by_label("Premium: paying members").check()  # unsaved: the preview shows the form
    editor.locator('[data-side-panel-toggle="preview"]').click()
    expect(editor.frame_locator("#w-preview-iframe").locator(".article-body")).to_contain_text(SECRET)
    modes = editor.locator("select[name=preview_mode] option")
    expect(modes).to_have_text(
        [
            "Paying member: everything",
            "Anonymous visitor",
            "Signed-in free member",
            "Free member, free articles used up",
        ]
    )
    preview = f"/admin/pages/{draft_with_break.pk}/edit/preview/"
    tab = editor.context.new_page()  # the same session, its own tab
    tab.goto(preview + "?mode=paying")
    expect(tab.locator(".article-body")).to_contain_text(SECRET)
    tab.goto(preview + "?mode=anonymous")
    expect(tab.locator(".paywall")).to_contain_text("This is a premium article")
    expect(tab.locator("main")).not_to_contain_text(SECRET)
    expect(tab.locator(".notice--preview")).to_contain_text("Anonymous visitor")
    tab.goto(preview + "?mode=member_meter_spent")
    expect(tab.locator(".paywall")).to_be_visible()


def test_finance_reads_payments_and_exports_them_but_cannot_edit_pages(new_page, demo, staff_password):
    finance = new_page()
    admin_login(finance, "finance", staff_password)
    finance.goto("/admin/payments/")
    expect(finance.locator("h1")).to_contain_text("Payments")
    export = finance.request.get("/admin/payments/?export=csv")
    assert export.ok and export.headers["content-type"].startswith("text/csv")
    assert "receipt" in export.text().splitlines()[0].lower()
    finance.goto(f"/admin/pages/{demo.article().pk}/edit/")
    expect(finance.locator("main")).not_to_contain_text("Publish")  # refused: sent back to the dashboard


def test_a_phone_reader_sees_the_first_headline_and_reaches_events_and_shares(new_page, demo):
    phone = new_page(viewport={"width": 390, "height": 844})
    phone.goto("/")
    headline = phone.locator(".lead__story h2, .lead__story h1, .lead__story h3").first
    box = headline.bounding_box()
    assert box and box["y"] + box["height"] <= 844, box  # above the fold
    phone.locator(".sections-nav summary").click()
    phone.locator(".sections-nav details").get_by_role("link", name="Events").click()
    expect(phone.locator("h1")).to_contain_text("Events")
    desktop = new_page()
    desktop.goto("/")
    for name in ("Events", "Community", "Newsletters", "Write to us"):
        expect(desktop.locator(".sections-nav > ul").get_by_role("link", name=name)).to_be_visible()
    article = demo.article(access_level="public")
    desktop.context.grant_permissions(["clipboard-read", "clipboard-write"])
    desktop.goto(article.url)
    desktop.get_by_role("button", name="Copy link").click()
    expect(desktop.get_by_role("button", name="Link copied")).to_be_visible()
    assert desktop.evaluate("navigator.clipboard.readText()").endswith(article.url)
    mail_link = desktop.get_by_role("link", name="Email").get_attribute("href")
    assert mail_link.startswith("mailto:?subject=")
