"""Backup and restore: the database and every uploaded file in one archive.

    manage.py backup /srv/backups/masthead-$(date +%F).tar.gz
    manage.py restore /srv/backups/masthead-2026-12-01.tar.gz     # into an EMPTY database

The archive (a gzipped tar) holds `manifest.json`, the database — `pg_dump --format=custom` on
PostgreSQL, an online copy (SQLite's backup API) of the file on SQLite — and every file of the
media storage (`media/…`: images, renditions, documents) and of the private newsroom storage
(`newsroom/…`), read through the storages, so local disk and object storage back up the same way.

Restore refuses a database that already has tables (it never merges into or overwrites a live
site), loads the dump, writes the files back through the configured storages (a backup of a
disk-based site can be restored onto object storage and the other way round), runs `migrate`
(the code may be newer than the backup), points the site record at SITE_URL, and makes every
page cache generation stale. The database vendor must match the backup's.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import default_storage, storages
from django.db import connection

from . import cachetags

FORMAT = 1
STORAGES_IN_BACKUP = {"media": lambda: default_storage, "newsroom": lambda: storages["newsroom"]}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def _postgres_url():
    s = connection.settings_dict
    user = s.get("USER") or ""
    auth = f"{user}@" if user else ""
    return f"postgresql://{auth}{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


def _pg_env():
    env = dict(os.environ)
    if connection.settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = connection.settings_dict["PASSWORD"]
    return env


def walk(storage, directory=""):
    """Every file name in `storage` under `directory` (recursively)."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for sub in directories:
        yield from walk(storage, f"{directory}/{sub}" if directory else sub)


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(time.time())
    archive.addfile(info, io.BytesIO(data))


def _dump_database(workdir):
    vendor = connection.vendor
    if vendor == "postgresql":
        target = workdir / "database.pgdump"
        result = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-acl", f"--file={target}", _postgres_url()],
            env=_pg_env(),
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        return target
    if vendor == "sqlite":
        target = workdir / "database.sqlite3"
        connection.ensure_connection()
        # The backup API copies a consistent snapshot while the site keeps writing (WAL).
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return target
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")


def backup(path, *, out=print):
    """Write the archive to `path`; returns the manifest."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        dump = _dump_database(Path(tmp))
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, arcname=dump.name)
            for alias, get_storage in STORAGES_IN_BACKUP.items():
                storage = get_storage()
                counts[alias] = 0
                for name in walk(storage):
                    with storage.open(name, "rb") as handle:
                        data = handle.read()
                    _add_bytes(archive, f"{alias}/{name}", data)
                    counts[alias] += 1
            manifest = {
                "format": FORMAT,
                "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "database": {"vendor": connection.vendor, "file": dump.name},
                "files": counts,
                "site_url": settings.SITE_URL,
            }
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
        partial.replace(path)  # a half-written archive never carries the final name
    out(f"Backed up the {connection.vendor} database and {sum(counts.values())} files to {path}.")
    return manifest


def _database_is_empty():
    return not connection.introspection.table_names()


def _restore_database(archive, manifest, workdir):
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"This backup is of a {vendor} database; DATABASE_URL points at {connection.vendor}. "
            "Restore into the same kind of database."
        )
    if not _database_is_empty():
        raise BackupError(
            "The database in DATABASE_URL already has tables. Restore only into an empty database "
            "(e.g. `createdb masthead_restored` and point DATABASE_URL at it), so nothing live is overwritten."
        )
    member = archive.getmember(manifest["database"]["file"])
    archive.extract(member, workdir, filter="data")
    dump = workdir / member.name
    if vendor == "postgresql":
        result = subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--no-acl",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={_postgres_url()}",
                str(dump),
            ],
            env=_pg_env(),
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    else:
        name = Path(connection.settings_dict["NAME"])
        connection.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{name}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(dump, name)


def restore(path, *, out=print):
    """Restore the archive at `path` into the (empty) configured database and storages."""
    from django.core.management import call_command

    from . import origin

    try:
        archive = tarfile.open(path, "r:gz")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{path} is not a Masthead backup: {error}") from None
    with archive, tempfile.TemporaryDirectory() as tmp:
        try:
            manifest = json.load(archive.extractfile("manifest.json"))
        except KeyError:
            raise BackupError(f"{path} has no manifest.json: not a Masthead backup.") from None
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
        _restore_database(archive, manifest, Path(tmp))
        restored = 0
        for member in archive:
            alias, _, name = member.name.partition("/")
            if not member.isfile() or alias not in STORAGES_IN_BACKUP or not name:
                continue
            storage = STORAGES_IN_BACKUP[alias]()
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, File(archive.extractfile(member), name=name))
            if saved != name:
                raise BackupError(f"{alias} storage saved {name!r} as {saved!r}")
            restored += 1
    call_command("migrate", interactive=False, verbosity=0)
    origin.sync_site_record()
    cachetags.invalidate(cachetags.SITE)
    out(
        f"Restored the database and {restored} files from {path} "
        f"(backup of {manifest['site_url']} taken {manifest['created_at']})."
    )
    return manifest
