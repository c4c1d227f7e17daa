"""Members' Markdown: sanitised, with clear refusals for what cannot be posted."""

import pytest

from masthead.community import text


def test_markdown_subset_renders_and_links_get_ugc_rel():
    html = text.render("Hello *there* and **you**: [site](https://example.com)\n\n> quoted\n\n- a\n- b")
    assert "<em>there</em>" in html and "<strong>you</strong>" in html
    assert 'rel="nofollow ugc noopener"' in html and 'href="https://example.com"' in html
    assert "<blockquote>" in html and "<li>a</li>" in html


@pytest.mark.parametrize(
    "source",
    [
        "![x](https://example.com/a.png)",
        "<b>bold</b> text",
        "[x](data:text/html;base64,AAAA)",
        "<!-- c --> hi",
    ],
)
def test_no_images_raw_html_or_odd_schemes_survive(source):
    html = text.render(source)
    assert "<img" not in html and "<b>" not in html and "data:" not in html.split("href=")[-1][:10]
    assert "<!--" not in html


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        '<a href="#" onclick="x()">hi</a>',
        "<img src=x onerror=alert(1)>",
        "<iframe src=//evil>",
    ],
)
def test_script_laden_text_is_refused_with_a_message(source):
    with pytest.raises(text.BodyError) as error:
        text.check(source)
    assert "not allowed" in str(error.value)


@pytest.mark.parametrize("source", ["", "   \n  ", "x" * (text.MAX_LENGTH + 1), "bad\x00byte", "bell\x07"])
def test_empty_overlong_and_malformed_text_is_refused(source):
    with pytest.raises(text.BodyError):
        text.check(source)


def test_fingerprint_ignores_case_and_spacing():
    assert text.fingerprint("Hello   World") == text.fingerprint("hello world\n")
