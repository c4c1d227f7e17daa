"""More than one server: two app server processes (gunicorn) and two task workers on one
PostgreSQL, Redis and S3 endpoint (moto). An image uploaded through one server is served through
the other, publishing on one invalidates the other's page cache, two workers never run a
periodic job twice, and both kinds of process shut down gracefully on SIGTERM."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils.html import escape

from masthead.content.models import ArticlePage
from masthead.core.models import PeriodicSlot
from tests.helpers import ROOT, free_port, kill_group, process_env, wait_for
from tests.storage.conftest import s3_settings

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        settings.DB_VENDOR != "postgresql" or not settings.REDIS_URL,
        reason="several servers share one PostgreSQL and Redis (run with DATABASE_URL and REDIS_URL)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def start_logged(command, env, log):
    """A process in its own group, its output to a file (a pipe nobody reads fills up and blocks it)."""
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=open(log, "w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # noqa: SIM115
    )


def start_app_server(env, log):
    port = free_port()
    process = start_logged(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "masthead.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--graceful-timeout",
            "10",
        ],
        env,
        log,
    )
    base = f"http://127.0.0.1:{port}"

    def up():
        try:
            return requests.get(base + "/healthz", timeout=1).status_code == 200
        except requests.RequestException:
            return False

    wait_for(up, timeout=60, message=f"app server on {port}")
    return process, base


def sign_in(base, user):
    """A browser session on `base` for `user`: the session lives in the shared Redis, so any
    server accepts it (made here with the test client instead of typing a password)."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
    page = session.get(base + "/admin/", timeout=30)
    assert page.ok and "/admin/login/" not in page.url, page.url
    return session


def post(session, url, **kwargs):
    return session.post(
        url,
        data={"csrfmiddlewaretoken": session.cookies["csrftoken"], **kwargs.pop("data", {})},
        headers={"Referer": url},
        timeout=60,
        **kwargs,
    )


def graceful_stop(process, log, timeout=30):
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        raise AssertionError(
            f"did not stop within {timeout}s of SIGTERM:\n{log.read_text()[-3000:]}"
        ) from None
    return process.returncode, log.read_text()


@pytest.mark.slow
def test_two_app_servers_and_two_workers_share_uploads_pages_and_periodic_jobs(s3_server, demo, tmp_path):
    staff = get_user_model().objects.create_user(
        "multi", "multi@example.com", None, is_staff=True, is_superuser=True
    )
    prefix = f"multi{time.monotonic_ns()}"
    env = process_env(
        SITE_URL="http://127.0.0.1",
        ALLOWED_HOSTS="127.0.0.1",
        AWS_LOCATION=prefix,
        # The newsletter job every 3 s (15 s in production), so step 3 sees three slots in seconds.
        PERIODIC_JOBS="masthead.newsletters.tasks.run_newsletters=3",
        SCHEDULER_TICK_SECONDS="0.5",
        **s3_settings(s3_server),
    )
    started = time.time()
    processes = []
    try:
        logs = {name: tmp_path / f"{name}.log" for name in ("app-a", "app-b", "worker-1", "worker-2")}
        server_a, a = start_app_server(env, logs["app-a"])
        processes.append(server_a)
        server_b, b = start_app_server(env, logs["app-b"])
        processes.append(server_b)
        workers = [
            start_logged([sys.executable, str(ROOT / "manage.py"), "worker"], env, logs[f"worker-{n}"])
            for n in (1, 2)
        ]
        processes += workers

        # 1. An image uploaded through server A is read (to make a rendition) and served through B.
        on_a, on_b = sign_in(a, staff), sign_in(b, staff)
        from tests.storage.test_s3 import png_bytes

        upload = post(
            on_a,
            a + "/admin/images/add/",
            data={"title": "Shared harbour", "collection": "1"},
            files={"file": ("shared-harbour.png", png_bytes(), "image/png")},
        )
        assert upload.ok, upload.text[:500]
        from wagtail.images import get_image_model

        image = get_image_model().objects.get(title="Shared harbour")
        edit_on_b = on_b.get(f"{b}/admin/images/{image.pk}/", timeout=60)
        assert edit_on_b.status_code == 200
        thumbnail = re.search(
            r'src="(http://127\.0\.0\.1:\d+/[^"]+/images/shared-harbour[^"]+)"', edit_on_b.text
        )
        assert thumbnail, "server B made a rendition of A's upload from the shared bucket"
        picture = requests.get(thumbnail.group(1).replace("&amp;", "&"), timeout=10)
        assert picture.status_code == 200 and picture.content[:4] in (b"\x89PNG", b"RIFF")

        # 2. Publishing on A invalidates B's page cache.
        # The English home shows the English edition's newest story (the demo's Chinese versions are newer).
        latest = ArticlePage.objects.live().filter(locale__language_code="en").order_by("-date").first()
        requests.get(b + "/", timeout=30)
        cached = requests.get(b + "/", timeout=30)
        headline = escape(latest.title)
        assert cached.headers.get("X-Cache") == "HIT" and headline in cached.text
        unpublished = post(on_a, f"{a}/admin/pages/{latest.pk}/unpublish/")
        assert unpublished.ok
        assert not ArticlePage.objects.get(pk=latest.pk).live
        wait_for(
            lambda: headline not in requests.get(b + "/", timeout=30).text,
            timeout=5,
            message="B's cached home page to drop the unpublished article",
        )

        # 3. Two workers' schedulers compete for every slot; each slot's job runs once.
        job = "masthead.newsletters.tasks.run_newsletters"  # every 3 seconds here
        wait_for(
            lambda: PeriodicSlot.objects.filter(job=job, created_at__gte=_aware(started)).count() >= 3,
            timeout=90,
            message="three slots of the newsletter job",
        )
        claimed = PeriodicSlot.objects.filter(job=job, created_at__gte=_aware(started))
        before = claimed.count()
        wait_for(lambda: finished_runs(job) >= before, timeout=30, message=f"{before} runs")
        # Slots keep coming while we look: read the runs first, then the slots, so a slot claimed
        # in between can only raise the bound. A slot run twice would push runs above it.
        runs = finished_runs(job)
        after = claimed.count()
        assert before <= runs <= after, f"{runs} runs for {before}–{after} slots"

        # 4. Graceful shutdown: SIGTERM lets each process finish and exit cleanly.
        for process, log in zip([server_a, server_b, *workers], logs.values(), strict=True):
            code, output = graceful_stop(process, log)
            assert code == 0, output[-3000:]
        assert "warm shut down requested" in logs["worker-1"].read_text()
    finally:
        for process in processes:
            kill_group(process)


def _aware(timestamp):
    from datetime import UTC, datetime

    return datetime.fromtimestamp(timestamp, tz=UTC)


def finished_runs(job_path):
    """Jobs RQ has run for `job_path` (finished or failed), from the shared Redis."""
    import django_rq
    from rq.registry import FailedJobRegistry, FinishedJobRegistry, StartedJobRegistry

    queue = django_rq.get_queue("default")
    ids = set()
    for registry in (FinishedJobRegistry, FailedJobRegistry, StartedJobRegistry):
        ids.update(registry(queue=queue).get_job_ids())
    jobs = [queue.fetch_job(job_id) for job_id in ids]
    return sum(1 for job in jobs if job is not None and job.func_name == job_path)
