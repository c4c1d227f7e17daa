"""A real worker process imports a members file, is killed midway, and a new worker resumes:
every member exists exactly once and the counts add up."""

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from masthead.importers.models import ImportedObject, ImportRun
from tests.helpers import kill_group, start_manage, stop, wait_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MEMBERS = 1200
# The periodic job that hands out and resumes imports runs every 2 s here, not 30 s.
ENV = {
    "IMPORT_LEASE_SECONDS": "3",
    "IMPORT_CHUNK_SIZE": "20",
    "PERIODIC_JOBS": "masthead.importers.tasks.resume_imports=2",
    "SCHEDULER_TICK_SECONDS": "0.5",
}


@pytest.mark.slow
def test_an_import_killed_midway_resumes_and_imports_everyone_once(tmp_path):
    csv = tmp_path / "members.csv"
    csv.write_text("email,name\n" + "".join(f"resume-{i}@example.com,Member {i}\n" for i in range(MEMBERS)))
    # Queued a while ago and never taken: the worker's periodic job hands it to a worker.
    run = ImportRun.objects.create(
        kind="members",
        source="csv",
        file_path=str(csv),
        file_name="members.csv",
        created_at=timezone.now() - timezone.timedelta(minutes=5),
    )
    worker = start_manage("worker", **ENV)
    try:
        wait_for(
            lambda: ImportRun.objects.get(pk=run.pk).position >= MEMBERS // 4,
            timeout=120,
            message="a quarter done",
        )
        kill_group(worker)
        worker.wait(timeout=10)
        at_kill = ImportRun.objects.get(pk=run.pk)
        assert at_kill.status == ImportRun.Status.RUNNING and at_kill.position < MEMBERS, (
            "finished before the kill"
        )
        worker = start_manage("worker", **ENV)
        wait_for(
            lambda: ImportRun.objects.get(pk=run.pk).status == ImportRun.Status.FINISHED,
            timeout=240,
            message="resumed import",
        )
    except AssertionError as error:
        raise AssertionError(f"{error}\nworker output:\n{stop(worker)}") from None
    finally:
        stop(worker)
    run.refresh_from_db()
    assert User.objects.filter(email__startswith="resume-").count() == MEMBERS
    assert ImportedObject.objects.filter(kind="member", source_id__startswith="resume-").count() == MEMBERS
    assert run.counts["member"] == {"created": MEMBERS}, "no member counted twice or lost"
    assert (run.position, run.total) == (MEMBERS, MEMBERS)
