"""The public search index held the full text of members and premium articles, so anyone could test
which words an article below its premium break contains (issue 12). From now on the index holds
only what an anonymous reader may read (search_index.entry_fields); this drops the body text of
every entry that is not a public article. Their headline and dek stay searchable; run
`manage.py search_index_rebuild` afterwards to index their previews again.

Historical models cannot cut a body at its premium break (that is app code), hence the blanking.
"""

from django.db import migrations


def drop_paywalled_text(apps, schema_editor):
    SearchEntry = apps.get_model("content", "SearchEntry")
    SearchEntry.objects.exclude(page__access_level="public").update(body="")


class Migration(migrations.Migration):
    dependencies = [("content", "0003_search_fulltext")]

    operations = [migrations.RunPython(drop_paywalled_text, migrations.RunPython.noop)]
