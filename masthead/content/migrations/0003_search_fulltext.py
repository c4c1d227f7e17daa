"""The full-text side of SearchEntry, which differs by database.

SQLite: an external-content FTS5 table kept in step by triggers, so ORM writes (and Django's
flush in tests) keep it right. PostgreSQL: a generated, weighted tsvector column with a GIN index.
Both weight the headline above the dek above the body.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE content_search_fts USING fts5(
        title, dek, body,
        content='content_searchentry', content_rowid='page_id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER content_search_ai AFTER INSERT ON content_searchentry BEGIN
        INSERT INTO content_search_fts(rowid, title, dek, body) VALUES (new.page_id, new.title, new.dek, new.body);
    END""",
    """CREATE TRIGGER content_search_ad AFTER DELETE ON content_searchentry BEGIN
        INSERT INTO content_search_fts(content_search_fts, rowid, title, dek, body)
        VALUES ('delete', old.page_id, old.title, old.dek, old.body);
    END""",
    """CREATE TRIGGER content_search_au AFTER UPDATE ON content_searchentry BEGIN
        INSERT INTO content_search_fts(content_search_fts, rowid, title, dek, body)
        VALUES ('delete', old.page_id, old.title, old.dek, old.body);
        INSERT INTO content_search_fts(rowid, title, dek, body) VALUES (new.page_id, new.title, new.dek, new.body);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS content_search_au",
    "DROP TRIGGER IF EXISTS content_search_ad",
    "DROP TRIGGER IF EXISTS content_search_ai",
    "DROP TABLE IF EXISTS content_search_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE content_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(dek, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(body, '')), 'D')
    ) STORED""",
    "CREATE INDEX content_searchentry_vector ON content_searchentry USING gin (vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS content_searchentry_vector",
    "ALTER TABLE content_searchentry DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("content", "0002_search_entry")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
