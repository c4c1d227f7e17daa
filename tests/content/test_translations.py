"""The reader interface in Simplified Chinese (issue 20): no reader-facing string untranslated."""

import gettext
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.translation.template import templatize

PO = Path(settings.LOCALE_PATHS[0]) / "zh_Hans" / "LC_MESSAGES" / "django.po"
PACKAGE = Path(settings.LOCALE_PATHS[0]).parent
# The apps whose pages and emails readers get. Not: the admin's own templates (any `admin/`
# folder), analytics (staff dashboards), the APIs and the importers — admin-only, may stay English.
READER_APPS = (
    "access",
    "billing",
    "community",
    "content",
    "core",
    "events",
    "members",
    "newsletters",
    "newsroom",
)
# Python modules in those apps that say things to readers: form labels and errors, refusals
# (errors.py), and the messages views flash.
READER_MODULES = ("forms.py", "errors.py", "views.py", "adapter.py", "services.py", "blocks.py", "feeds.py")
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


def entries():
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        lines = block.splitlines()
        refs = " ".join(line[3:] for line in lines if line.startswith("#: "))
        flags = " ".join(line for line in lines if line.startswith("#,"))
        fields, current = {}, None
        for line in lines:
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]  # a continuation line (msgid and msgstr alike)
        strs = [value for name, value in fields.items() if name.startswith("msgstr")]
        yield refs, flags, fields.get("msgid", ""), strs


def test_every_reader_facing_msgid_has_a_chinese_translation():
    missing = [
        msgid
        for refs, flags, msgid, strs in entries()
        if msgid and any(path in refs for path in READER_FACING) and ("fuzzy" in flags or not any(strs))
    ]
    assert not missing, f"untranslated reader-facing strings in {PO}: {missing}"


def reader_facing_files():
    """Every reader-facing template (pages, includes and emails) and module, found on disk — a new
    template is checked without anyone adding it to a list."""
    templates = sorted((PACKAGE / "templates").rglob("*.*"))
    modules = []
    for app in READER_APPS:
        templates += sorted((PACKAGE / app / "templates").rglob("*.*"))
        modules += [PACKAGE / app / name for name in READER_MODULES if (PACKAGE / app / name).exists()]
    templates = [
        t for t in templates if "admin" not in t.relative_to(PACKAGE).parts and t.suffix in (".html", ".txt")
    ]
    return templates, modules


def reader_msgids(tmp_path):
    """The msgids those files use, extracted as makemessages does (templatize, then xgettext)."""
    templates, modules = reader_facing_files()
    sources = []
    for i, template in enumerate(templates):
        converted = tmp_path / f"t{i}.py"
        converted.write_text(
            templatize(template.read_text(encoding="utf-8"), origin=str(template)), encoding="utf-8"
        )
        sources.append(converted)
    pot = tmp_path / "reader.pot"
    keywords = ["gettext_noop", "gettext_lazy", "ngettext_lazy:1,2", "pgettext:1c,2", "npgettext:1c,2,3"]
    keywords += ["pgettext_lazy:1c,2", "npgettext_lazy:1c,2,3"]
    subprocess.run(
        ["xgettext", "--language=Python", "--from-code=UTF-8", "-o", str(pot)]
        + [f"--keyword={k}" for k in keywords]
        + [str(f) for f in sources + modules],
        check=True,
    )
    found = []
    for block in pot.read_text(encoding="utf-8").split("\n\n"):
        fields, current = {}, None
        for line in block.splitlines():
            match = re.match(r'^(msgctxt|msgid|msgid_plural) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
            elif line.startswith("msgstr"):
                current = None
        if fields.get("msgid"):
            found.append(fields)
    return templates, found


def _unescape(text):
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape")


def test_every_reader_facing_template_email_and_message_is_translated(tmp_path):
    # Compiled afresh (msgfmt leaves fuzzy and empty entries out), so a string that is missing
    # from the catalogue, untranslated or fuzzy is absent from it.
    mo = tmp_path / "fresh.mo"
    subprocess.run(["msgfmt", "-o", str(mo), str(PO)], check=True)
    with mo.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    templates, msgids = reader_msgids(tmp_path)
    assert any("email" in t.parts for t in templates) and len(templates) > 100, "the templates were found"
    assert len(msgids) > 600, f"only {len(msgids)} msgids found: the extraction is broken"
    missing = []
    for fields in msgids:
        msgid = _unescape(fields["msgid"])
        if "msgctxt" in fields:
            msgid = _unescape(fields["msgctxt"]) + "\x04" + msgid
        key = (msgid, 0) if "msgid_plural" in fields else msgid
        if not catalog.get(key):
            missing.append(msgid)
    assert not missing, (
        f"reader-facing strings without a Chinese translation (makemessages, translate): {missing}"
    )


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


@pytest.mark.django_db
def test_dates_in_reader_pages_and_emails_follow_the_language_order(zh_edition, demo, client):
    """Formats are translated strings, so Chinese pages put year, month and day in Chinese order
    rather than Chinese names in the English order ("星期六, 5 十二月 2026")."""
    with timezone.override("UTC"):
        now = timezone.localtime()
        chinese_top_bar = f"{now.year}年{now.month}月{now.day}日"
        english_top_bar = f"{now.day} {now:%B} {now.year}"
        html = client.get("/zh/").content.decode()
        top_bar = html.split('class="topbar__date">', 1)[1].split("<", 1)[0]
        assert top_bar.startswith(chinese_top_bar) and "星期" in top_bar
        english = client.get("/").content.decode().split('class="topbar__date">', 1)[1].split("<", 1)[0]
        assert english.endswith(english_top_bar) and "," in english

    day = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)
    template = Template('{{ day|date:_("j F Y") }} | {{ day|date:_("l j F") }}')
    with translation.override("zh-hans"):
        assert template.render(Context({"day": day})) == "2026年12月5日 | 12月5日 星期六"
    with translation.override("en"):
        assert template.render(Context({"day": day})) == "5 December 2026 | Saturday 5 December"
