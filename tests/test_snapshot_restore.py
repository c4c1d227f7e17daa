"""The quick restore of the test newsroom (tests/conftest.py, `_restore_snapshot`) leaves the
database exactly as Django's own serialized rollback does, and is faster."""

import time

import pytest
from django.core.management import call_command
from django.db import connection

from tests import conftest


def flush():
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_quick_restore_gives_what_djangos_restore_gives():
    data = conftest.SNAPSHOTS["default"]
    flush()
    t0 = time.perf_counter()
    conftest._django_restore(connection.creation, data)
    t1 = time.perf_counter()
    theirs = connection.creation.serialize_db_to_string()
    flush()
    t2 = time.perf_counter()
    conftest._restore_snapshot(connection.creation, data)
    t3 = time.perf_counter()
    ours = connection.creation.serialize_db_to_string()
    assert ours == theirs
    assert t3 - t2 < t1 - t0, f"Django's {t1 - t0:.2f} s, ours {t3 - t2:.2f} s"
