"""Fixtures shared by the whole suite.

The test database is built once per test process: migrations (on SQLite, a kept copy of the
migrated database when nothing changed), then the small test newsroom (tests/seed.py, made with
the factories in tests/factories.py; not the demo, which has its own smoke test). Ordinary tests
run inside a transaction that is rolled back, so each sees the newsroom untouched. Tests that need
real commits (browser tests against a live server, real worker processes) use `transactional_db`
with serialized rollback, which restores the newsroom afterwards.
"""

import hashlib
import inspect
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections

# Smaller demo pictures: making renditions of full-size ones is most of the demo's load time.
os.environ.setdefault("MASTHEAD_DEMO_IMAGE_SCALE", "0.4")
os.environ.setdefault("DEMO_STAFF_PASSWORD", "demo-staff-test-password")


# --- Test tiers ---------------------------------------------------------------------------------
# The integration tier: tests that start servers or processes (localstripe, SMTP, S3, workers,
# manage.py), drive a browser or need a live server or PostgreSQL. `make test-fast` runs the rest
# (`-m "not integration"`); `make test` and .ci/run run both. Marked here, so a new test lands in
# the right tier by what it uses, not by remembering a decorator.
INTEGRATION_DIRS = {"browser", "storage"}
INTEGRATION_FIXTURES = {
    "live_server",
    "localstripe",
    "smtp_inbox",
    "use_smtp",
    "s3_server",
    "object_storage",
}
# What a test's own body may call to start a process or a server.
INTEGRATION_CALLS = re.compile(
    r"start_manage\(|subprocess\.|Popen\(|LocalStripe\(|Controller\(|RedisServer\("
)


_starters = {}


def _module_starters(module):
    """Names of a test module's own helpers and fixtures whose bodies start a process or server."""
    if module not in _starters:
        sources = {}
        for name, obj in vars(module).items():
            if name.startswith("test_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            try:
                sources[name] = inspect.getsource(getattr(obj, "__wrapped__", obj))
            except (OSError, TypeError):
                continue
        names = {name for name, source in sources.items() if INTEGRATION_CALLS.search(source)}
        # ... and the helpers that use those (a fixture that builds a class that starts redis).
        while True:
            more = {
                name
                for name, source in sources.items()
                if name not in names and any(re.search(rf"\b{n}\b", source) for n in names)
            }
            if not more:
                break
            names |= more
        _starters[module] = names
    return _starters[module]


def _is_integration(item):
    if item.path.parent.name in INTEGRATION_DIRS:
        return True
    if item.get_closest_marker("browser") or item.get_closest_marker("postgres"):
        return True
    fixtures = set(getattr(item, "fixturenames", ()))
    if INTEGRATION_FIXTURES & fixtures:
        return True
    try:
        source = inspect.getsource(item.function)
    except (AttributeError, OSError, TypeError):
        return False
    if INTEGRATION_CALLS.search(source):
        return True
    starters = _module_starters(item.module)
    return bool(starters & fixtures) or any(re.search(rf"\b{name}\b", source) for name in starters)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # tryfirst: before `-m` deselects by marker.
    for item in items:
        if _is_integration(item):
            item.add_marker(pytest.mark.integration)
    # Tests marked `slow` (each takes ten seconds or more, mostly waiting on processes) run first:
    # xdist hands them out while there are plenty of short tests left to run beside them. Last in
    # the alphabet, they made the run's final two minutes one worker busy and the other idle.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


# --- The test database ----------------------------------------------------------------------------
# On SQLite, the migrated empty database is kept in var/ under a key made of every migration and
# every installed package's version, and copied into place by the next run: migrating costs ~14 s
# per test process and changes only when a migration or a package does. The newsroom is built on
# top fresh every run (tests/seed.py, ~2 s). PostgreSQL (the production run) migrates every time.


def _sqlite_test_path():
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        return None
    return Path(database["TEST"]["NAME"])


def _migrated_template():
    from importlib import metadata

    digest = hashlib.blake2b(digest_size=10)
    root = Path(__file__).resolve().parent.parent / "masthead"
    for path in sorted(root.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(root)).encode() + path.read_bytes())
    for dist in sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()):
        digest.update(dist.encode())
    return Path(settings.VAR_DIR) / f"test-migrated-{digest.hexdigest()}.sqlite3"


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings):
    """Reuse a migrated copy where one is kept (migrate then only checks); otherwise migrate.
    (After pytest-django has given each xdist worker its own database name.)"""
    path = _sqlite_test_path()
    if path is None or request.config.getvalue("create_db"):
        return request.config.getvalue("reuse_db")
    template = _migrated_template()
    # The write-ahead log and its index too: a process that ended without closing its
    # connections (a live server's threads) leaves them, and SQLite would replay the old log
    # into the fresh copy ("database disk image is malformed").
    for stale in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))):
        stale.unlink(missing_ok=True)
    if not template.exists():
        return False
    shutil.copyfile(template, path)
    return True


def _keep_migrated(connection):
    """Save the just-migrated database as the template (written aside, then renamed: two test
    processes may race to save the same one)."""
    template = _migrated_template()
    if template.exists():
        return
    for stale in template.parent.glob("test-migrated-*.sqlite3"):
        stale.unlink(missing_ok=True)
    aside = template.with_suffix(f".{os.getpid()}.tmp")
    connection.ensure_connection()
    with sqlite3.connect(aside) as target:
        connection.connection.backup(target)
    target.close()
    aside.replace(template)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from .seed import build_newsroom

    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    with django_db_blocker.unblock():
        if _sqlite_test_path() is not None:
            _keep_migrated(connections["default"])
        build_newsroom()
        # Serialized rollback restores this snapshot (demo included) after transactional tests.
        for connection in connections.all(initialized_only=True):
            SNAPSHOTS[connection.alias] = connection.creation.serialize_db_to_string()
        _use_fast_restore()
        reattach_snapshots()


# The serialized demo database, per alias, for serialized rollback.
SNAPSHOTS = {}


def _restore_snapshot(self, data):
    """Django's serialized rollback, with the same result and a fraction of the statements.

    Django re-creates each of the newsroom's ~1,600 objects with its own save() — an UPDATE that
    finds nothing, then an INSERT: 1.1 s before every transactional test on PostgreSQL. Here the
    consecutive objects of one model go in one multi-row INSERT of the same columns raw save()
    writes (the model's own table; a parent model's rows are in the snapshot under the parent),
    then the many-to-many values as save() sets them, then the same constraint check. Signals are
    not sent: the rows are the snapshot's, not edits (every test starts with the caches cleared).
    """
    from io import StringIO

    from django.core import serializers
    from django.db import transaction

    alias = self.connection.alias
    tables, with_m2m = set(), []

    def insert(model, batch):
        if model._base_manager.using(alias).exists():
            # A table the flush left alone (SQLite's full-text index): save() updates or inserts.
            for deserialized in batch:
                deserialized.save(save_m2m=False)
            return
        objects = [deserialized.object for deserialized in batch]
        fields = model._meta.local_concrete_fields
        size = self.connection.ops.bulk_batch_size(fields, objects) or len(objects)
        for start in range(0, len(objects), size):
            model._base_manager.using(alias)._insert(
                objects[start : start + size], fields=fields, using=alias, raw=True
            )

    with transaction.atomic(using=alias), self.connection.constraint_checks_disabled():
        model, batch = None, []
        for deserialized in serializers.deserialize("json", StringIO(data), using=alias):
            obj = deserialized.object
            if model is None and type(obj)._base_manager.using(alias).exists():
                # Not after a flush: the first transactional test of a process finds the
                # newsroom in place, and Django's save() (update, else insert) is what fits.
                return _django_restore(self, data)
            if type(obj) is not model:
                if batch:
                    insert(model, batch)
                model, batch = type(obj), []
            batch.append(deserialized)
            tables.add(model._meta.db_table)
            if deserialized.m2m_data:
                with_m2m.append(deserialized)
        if batch:
            insert(model, batch)
        for deserialized in with_m2m:
            for accessor, values in deserialized.m2m_data.items():
                getattr(deserialized.object, accessor).set(values)
    self.connection.check_constraints(table_names=tables)


_django_restore = None


def _use_fast_restore():
    global _django_restore
    from django.db.backends.base.creation import BaseDatabaseCreation

    if _django_restore is None:
        _django_restore = BaseDatabaseCreation.deserialize_db_from_string
        BaseDatabaseCreation.deserialize_db_from_string = _restore_snapshot


def reattach_snapshots():
    """Give the current connection objects the snapshot Django's serialized rollback reads.

    Django keeps it on the connection object, and a running event loop in the thread (Playwright's
    sync API starts one) makes Django hand out fresh connection objects without it.
    """
    for alias, contents in SNAPSHOTS.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's language. A request to /zh/… leaves Chinese active in the
    thread (LocaleMiddleware activates, nothing deactivates), and reverse() would then give /zh/
    URLs to whatever test runs next in the same worker."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    from masthead.core.cachetags import forget_process_caches

    cache.clear()
    forget_process_caches()


@pytest.fixture
def demo(db):
    """Handles on the test newsroom's pages (tests/seed.py)."""
    from .seed import handles

    return handles()


@pytest.fixture
def staff_user(db, django_user_model):
    return django_user_model.objects.create_user(
        "staff-test", "staff-test@example.com", "pw-staff-test-1", is_staff=True, is_superuser=True
    )


@pytest.fixture
def all_queries(monkeypatch):
    """Every SQL statement run on any connection object while the test runs.

    pytest-django's query assertions watch one connection object; once Playwright's event loop
    has run in a test process, Django may hand a request another one, and those assertions then
    see nothing. This counts at the cursor class instead, so nothing escapes it.
    """
    from django.db.backends import utils

    seen = []
    for name in ("_execute", "_executemany"):
        original = getattr(utils.CursorWrapper, name)

        def counting(self, sql, *args, _original=original, **kwargs):
            seen.append(sql)
            return _original(self, sql, *args, **kwargs)

        monkeypatch.setattr(utils.CursorWrapper, name, counting)
    return seen


@pytest.fixture
def reader_user(db):
    """A signed-in free member with a verified address."""
    from .factories import MemberFactory

    return MemberFactory(username="reader", email="reader@example.com", first_name="Rea")


@pytest.fixture
def paying_user(db):
    """A member with a premium grant from a subscription, valid for 30 more days."""
    from .factories import MemberFactory

    return MemberFactory(username="payer", email="payer@example.com", first_name="Pay", paying=True)


ZH_SECTIONS = {"startups": ("创业公司", "创始人、融资与出海。"), "ai": ("人工智能", "大模型、芯片与规则。")}


@pytest.fixture
def zh_edition(demo):
    """The Chinese edition's home and sections (issue 20), made as `manage.py create_edition` does."""
    from masthead.content.editions import create_edition

    return create_edition("zh-hans", home_title="东方电路", section_titles=ZH_SECTIONS)


@pytest.fixture
def translate(zh_edition):
    """translate(article, title=..., slug=...): its Chinese version, published (body copied)."""
    from wagtail.models import Locale

    from masthead.content.models import ArticlePage

    def make(article, *, title="中文版", slug=None, publish=True):
        locale = Locale.objects.get(language_code="zh-hans")
        # The demo already translates some stories: the test's own version replaces it.
        existing = article.get_translation_or_none(locale)
        if existing is not None:
            existing.delete()
        copy = article.copy_for_translation(locale)
        copy.title, copy.slug = title, slug or f"{article.slug}-zh"
        revision = copy.save_revision()
        if publish:
            revision.publish()
        return ArticlePage.objects.get(pk=copy.pk)

    return make
