"""The reader interface in Simplified Chinese (issue 20): no reader-facing string untranslated."""

import gettext
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

PO = Path(settings.LOCALE_PATHS[0]) / "zh_Hans" / "LC_MESSAGES" / "django.po"
# What a reader sees on the edition's pages: the site chrome, listings, the article page and the
# paywall and gift-link prompts. (Account pages, emails and the admin are not translated yet;
# docs/notes/issue-20.md.)
READER_FACING = (
    "templates/base.html",
    "templates/includes/",
    "access/templates/access/paywall.html",
    "access/templates/access/gift_",
    "access/templates/access/membership.html",
    "access/prompts.py",
    "content/templates/content/article_page.html",
    "content/templates/content/home_page.html",
    "content/templates/content/section_page.html",
)
MSGID = re.compile(r'^msgid "(.*)"$')


def entries():
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        lines = block.splitlines()
        refs = " ".join(line[3:] for line in lines if line.startswith("#: "))
        flags = " ".join(line for line in lines if line.startswith("#,"))
        msgid, reading = "", False
        for line in lines:
            if line.startswith("msgid "):
                msgid, reading = line[7:-1], True
            elif line.startswith(("msgid_plural", "msgstr")):
                reading = False
            elif reading and line.startswith('"'):
                msgid += line[1:-1]
        strs = [re.sub(r'^msgstr(\[\d\])? "|"$', "", line) for line in lines if line.startswith("msgstr")]
        yield refs, flags, msgid, strs


def test_every_reader_facing_msgid_has_a_chinese_translation():
    missing = [
        msgid
        for refs, flags, msgid, strs in entries()
        if msgid and any(path in refs for path in READER_FACING) and ("fuzzy" in flags or not any(strs))
    ]
    assert not missing, f"untranslated reader-facing strings in {PO}: {missing}"


def test_the_catalogue_is_compiled_from_the_current_source(tmp_path):
    # msgfmt --check: format placeholders match; the committed .mo says what the .po says.
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(fresh), str(PO)], check=True)
    with fresh.open("rb") as new, PO.with_suffix(".mo").open("rb") as committed:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(new)._catalog, (
            "run manage.py compilemessages -l zh_Hans"
        )


def test_prompts_and_plurals_in_chinese():
    with translation.override("zh-hans"):
        assert translation.gettext("Skip to content") == "跳到正文"
        assert (
            translation.ngettext(
                "You have %(n)d free premium article left this month.",
                "You have %(n)d free premium articles left this month.",
                3,
            )
            % {"n": 3}
            == "本月您还可免费阅读 3 篇付费文章。"
        )


@pytest.mark.django_db
def test_the_chinese_edition_renders_in_chinese_with_chinese_dates(zh_edition, demo, client, translate):
    article = translate(demo.article(access_level="premium", language="en"), title="中文付费文章")
    html = client.get(article.url).content.decode()
    assert "跳到正文" in html and "这是一篇付费文章" in html
    assert "年" in html and "月" in html  # the date in Chinese (Django's zh_Hans formats)
    english = client.get(demo.article(access_level="premium", language="en").url).content.decode()
    assert "Skip to content" in english and "跳到正文" not in english
