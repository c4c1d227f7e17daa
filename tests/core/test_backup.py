"""Backup and restore: an archive of the live site restores into a fresh database and fresh
storage (another process, as on a new server), and the site comes back whole."""

import json
import subprocess
import sys
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from masthead.content.models import ArticlePage
from masthead.newsroom import services as newsroom
from masthead.newsroom.models import Attachment
from tests.helpers import ROOT, process_env

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

CHECK_SCRIPT = """
import json
from django.core.files.storage import storages
from django.test import Client
from masthead.content.models import ArticlePage
from masthead.newsroom.models import Attachment

client = Client(HTTP_HOST="127.0.0.1")
article = ArticlePage.objects.live().exclude(hero_image=None).order_by("-date").first()
page = client.get(article.url)
rendition = article.hero_image.renditions.first()
picture = client.get(rendition.url)
attachment = Attachment.objects.get(original_name="{original}")
with storages["newsroom"].open(attachment.stored_name, "rb") as f:
    attached = f.read()
print(json.dumps({{
    "articles": ArticlePage.objects.live().count(),
    "page": page.status_code,
    "title_on_page": article.title in page.content.decode(),
    "picture": picture.status_code,
    "picture_bytes": len(b"".join(picture.streaming_content)) if picture.status_code == 200 else 0,
    "rendition_size": rendition.file.size,
    "attachment_intact": attached == {pdf!r},
}}))
"""


@pytest.fixture(autouse=True)
def private_dir(settings, tmp_path):
    """This test's own newsroom files (the shared test directory keeps other tests' files)."""
    newsroom_storage = {**settings.STORAGES["newsroom"]}
    newsroom_storage["OPTIONS"] = {
        **newsroom_storage.get("OPTIONS", {}),
        "location": str(tmp_path / "private"),
    }
    settings.STORAGES = {**settings.STORAGES, "newsroom": newsroom_storage}


@pytest.fixture
def fresh_database(tmp_path):
    """A database that exists and is empty, of the same kind as the test database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg

    from tests.helpers import database_url

    url = database_url()
    name = f"{connection.settings_dict['NAME']}_restored"
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_a_backup_restores_into_a_fresh_database_and_storage_and_the_site_comes_back(
    tmp_path, fresh_database, reader_user
):
    newsroom.thread_open(
        kind="tip",
        subject="Files",
        body="A document for the desk.",
        sender=reader_user,
        uploads=[("memo.pdf", PDF)],
    )
    live_articles = ArticlePage.objects.live().count()
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))

    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["files"]["newsroom"] == Attachment.objects.count() >= 1
    assert manifest["files"]["media"] > 0
    assert any(n.startswith("media/original_images/") for n in names)
    assert any(n.startswith("media/images/") for n in names), "renditions are backed up too"

    # A new server: empty database, empty media and private directories.
    env = process_env(
        DATABASE_URL=fresh_database,
        MEDIA_ROOT=str(tmp_path / "media-restored"),
        NEWSROOM_PRIVATE_DIR=str(tmp_path / "private-restored"),
        MASTHEAD_VAR_DIR=str(tmp_path / "var-restored"),
    )
    env.pop("REDIS_URL", None)  # a new server's own cache; the test's Redis databases stay untouched
    restored = run_manage("restore", str(archive), env=env)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "Restored the database" in restored.stdout

    check = run_manage("shell", "-c", CHECK_SCRIPT.format(original="memo.pdf", pdf=PDF), env=env)
    assert check.returncode == 0, check.stdout + check.stderr
    site = json.loads(check.stdout.strip().splitlines()[-1])
    assert site["articles"] == live_articles
    assert site["page"] == 200 and site["title_on_page"]
    assert site["picture"] == 200 and site["picture_bytes"] == site["rendition_size"] > 0
    assert site["attachment_intact"]

    # Restoring again into the now-populated database is refused, and changes nothing.
    again = run_manage("restore", str(archive), env=env)
    assert again.returncode != 0
    assert "already has tables" in again.stderr


def test_restore_refuses_something_that_is_not_a_backup(tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="not a Masthead backup"):
        call_command("restore", str(junk))
