"""Search: English and Chinese, ranking, pagination, and odd input that must not break it."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from masthead.content.search import search_articles
from masthead.content.search_index import rebuild_index
from masthead.content.search_text import index_text, query_terms
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


# Phrases found in exactly one article each (in its free part, which is what the index holds).
PHRASES = {
    "en": [
        (
            "pebblecrest-founder",
            "Pebblecrest robot vacuum founder",
            "The Pebblecrest robot vacuum founder answers",
        ),
        (
            "tidewater-forge",
            "Tidewater Forge in a hundred days",
            "from prototype to pallet at Tidewater Forge",
        ),
        (
            "kestrel-pay",
            "Kestrel Pay and cross-border sellers",
            "Kestrel Pay settles cross-border sellers overnight",
        ),
    ],
    "zh": [
        ("huaqiangbei", "华强北二十年", "华强北山寨硬件创业二十年"),
        ("shuzi-renminbi", "数字人民币试点", "数字人民币财长谈话"),
        ("gongxiang-danche", "共享单车之后", "共享单车退潮之后"),
    ],
}


@pytest.fixture
def phrase_articles(demo):
    """The phrase articles, made and indexed; {language: [(article, phrase)]}."""
    made = {}
    for language, rows in PHRASES.items():
        parent = demo.sections["startups"] if language == "en" else demo.zh.sections["startups"]
        for slug, title, phrase in rows:
            article = ArticlePageFactory(
                parent=parent,
                title=title,
                slug=slug,
                language="zh-hans" if language == "zh" else "en",
                body=[("paragraph", f"<p>{phrase}.</p>"), ("paragraph", "<p>More of the story.</p>")],
            )
            made.setdefault(language, []).append((article, phrase))
    rebuild_index()
    return made


def test_query_terms_split_chinese_into_bigrams_and_strip_operators():
    assert query_terms("深圳硬件") == ["深圳", "圳硬", "硬件"]
    assert query_terms('"AI" OR (chips)*') == ["AI", "OR", "chips"]
    assert query_terms("!!! ???") == []
    assert "深圳" in index_text("深圳的硬件").split()


@pytest.mark.parametrize("n", range(3))
def test_a_chinese_phrase_finds_the_one_article_that_contains_it(phrase_articles, n):
    article, phrase = phrase_articles["zh"][n]
    results = list(search_articles(phrase))
    assert [r.slug for r in results][:1] == [article.slug]
    assert len(results) == 1, "a phrase unique to one article matches only that article"


@pytest.mark.parametrize("n", range(3))
def test_an_english_phrase_finds_its_article(phrase_articles, n):
    article, phrase = phrase_articles["en"][n]
    results = list(search_articles(phrase))
    assert results and results[0].slug == article.slug


def test_a_common_chinese_word_finds_chinese_articles(demo):
    results = list(search_articles("深圳"))
    assert any(r.language == "zh-hans" and "深圳" in r.title for r in results)


def test_title_matches_rank_above_body_mentions(demo):
    section = demo.sections["hardware"]
    for n in range(3):
        ArticlePageFactory(parent=section, title=f"Shenzhen makers, part {n}")
        ArticlePageFactory(
            parent=section,
            title=f"Supply chains, part {n}",
            body=[("paragraph", "<p>Factories around Shenzhen took the orders.</p>")],
        )
    rebuild_index()
    results = list(search_articles("Shenzhen"))
    titled = [i for i, r in enumerate(results) if "Shenzhen" in r.title]
    untitled = [i for i, r in enumerate(results) if "Shenzhen" not in r.title]
    assert len(titled) >= 3 and len(untitled) >= 3, [r.title for r in results]
    assert max(titled) < min(untitled), [r.title for r in results]


def many_about_china(demo):
    for n in range(12):
        ArticlePageFactory(
            parent=demo.sections["policy"],
            title=f"Rules, part {n}",
            body=[("paragraph", f"<p>China changes its rules again, part {n}.</p>")],
        )
    rebuild_index()


def test_search_page_shows_results_with_highlighted_snippets_and_paginates(client, demo):
    many_about_china(demo)
    response = client.get(reverse("content:search"), {"q": "China"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "results for" in html
    assert 'rel="next"' in html, "more than ten results paginate"
    page2 = client.get(reverse("content:search"), {"q": "China", "page": 2})
    assert page2.status_code == 200
    assert "<mark>" in html


def test_search_page_finds_chinese(client, phrase_articles):
    # The Chinese originals are in the Chinese edition: its search finds them, the English one not
    # (each edition searches its own articles, issue 20).
    article, phrase = phrase_articles["zh"][0]
    html = client.get("/zh/search/", {"q": phrase}).content.decode()
    assert escape(article.title) in html
    # A literal path: the /zh/ request left Chinese active in this thread, so reverse() would
    # give /zh/search/ here.
    html = client.get("/search/", {"q": phrase}).content.decode()
    assert escape(article.title) not in html


def test_unpublished_articles_are_not_found(phrase_articles):
    article, phrase = phrase_articles["en"][0]
    assert list(search_articles(phrase))
    article.unpublish()
    assert not list(search_articles(phrase))


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        "AND",
        "OR NOT",
        "*",
        "a*b",
        "NEAR(a b)",
        "(((",
        "-",
        "^",
        "\\",
        "title:x",
        "💥",
        "深",
        "a" * 200,
        "%",
        "_",
    ],
)
def test_odd_queries_never_fail(client, demo, query):
    response = client.get(reverse("content:search"), {"q": query})
    assert response.status_code in (200, 400)
    assert b"Search" in response.content


def test_overlong_and_empty_queries_are_a_clear_400(client, demo):
    long = client.get(reverse("content:search"), {"q": "x" * 201})
    assert long.status_code == 400
    assert b"at most 200 characters" in long.content
    punctuation = client.get(reverse("content:search"), {"q": "?!"})
    assert punctuation.status_code == 400
    assert client.get(reverse("content:search")).status_code == 200, "the empty search form is a normal page"


def test_bad_page_of_results_is_404(client, demo):
    many_about_china(demo)
    assert client.get(reverse("content:search"), {"q": "China", "page": "999"}).status_code == 404
