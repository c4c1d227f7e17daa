"""The admin's import pages: upload → dry-run report → start → progress, and bad files refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from masthead.content.models import ArticlePage
from masthead.importers.models import ImportRun

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db


def upload(client, name, what, **extra):
    data = {
        "what": what,
        "file": SimpleUploadedFile(name, (FIXTURES / name).read_bytes()),
        "section": "archive",
        **extra,
    }
    return client.post(reverse("importers_index"), data)


def test_staff_upload_an_export_read_the_dry_run_and_start_the_import(
    client, staff_user, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    assert client.get(reverse("importers_index")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, "ghost6.json", "content:ghost")
    dry = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("importers_run", args=[dry.pk])
    assert (
        dry.dry_run
        and dry.status == "finished"
        and dry.counts == {"article": {"created": 1}, "author": {"created": 1}}
    )
    assert not ArticlePage.objects.filter(slug="six-point-oh").exists()
    page = client.get(reverse("importers_run", args=[dry.pk])).content.decode()
    assert "Dry run: nothing was written." in page and "Start the import" in page and "1 created" in page
    fragment = client.get(reverse("importers_run", args=[dry.pk]) + "?part=progress").content.decode()
    assert 'id="import-progress"' in fragment and 'value="2"' in fragment

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("importers_run_start", args=[dry.pk]))
    real = ImportRun.objects.get(dry_run=False)
    assert response["Location"] == reverse("importers_run", args=[real.pk])
    assert real.status == "finished" and ArticlePage.objects.get(slug="six-point-oh").live


def test_a_file_that_is_not_the_chosen_export_is_refused_on_the_form(client, staff_user):
    client.force_login(staff_user)
    response = upload(client, "ghost3.json", "content:ghost")
    assert response.status_code == 200
    assert "Ghost version 3.40.0 is not supported" in response.content.decode()
    response = upload(client, "no_email_column.csv", "members:csv")
    assert "missing column(s) email" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_readers_cannot_import(client, reader_user):
    client.force_login(reader_user)
    response = client.get(reverse("importers_index"))
    assert response.status_code in (302, 403)
