"""The Chinese edition's locale (issue 20). Existing pages keep the default locale, which Wagtail's
own migrations gave them; the Chinese tree is made by `manage.py create_edition` (pages cannot be
copied with historical models)."""

from django.db import migrations


def add_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="zh-hans")


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0006_article_canonical_url_and_html_block"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(add_locale, migrations.RunPython.noop)]
