"""The admin API's OpenAPI schema is served, describes every operation, and holds under fuzzing:
schemathesis generates requests from the served schema (bounded examples) and every answer must
be a non-5xx that matches the schema's status codes, content types and response shapes."""

import json

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from masthead.api.v1.urls import api

pytestmark = pytest.mark.django_db

SCHEMA_URL = "/api/v1/openapi.json"


@pytest.fixture
def wsgi_app():
    # Django closes connections around each request; in a test that would end its transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_served_schema_is_the_code_and_covers_every_operation():
    served = Client(HTTP_HOST="localhost").get(SCHEMA_URL)
    assert served.status_code == 200
    schema = served.json()
    assert schema == code_schema()
    operations = [(path, method, op) for path, item in schema["paths"].items() for method, op in item.items()]
    assert len(operations) >= 12
    for path, method, op in operations:
        assert op.get("security") == [{"AdminKey": []}], f"{method} {path} is not behind a key"
        assert {"400", "401", "403"} <= set(op["responses"]), f"{method} {path} does not document errors"
    assert {"/api/v1/members/", "/api/v1/memberships/", "/api/v1/newsletters/", "/api/v1/events/",
            "/api/v1/newsroom/threads/"} <= set(schema["paths"])  # fmt: skip


def code_schema():
    return json.loads(json.dumps(api.get_openapi_schema(path_params={})))


# The schema the code generates, which the test above proves is what /api/v1/openapi.json serves
# (loading it over WSGI at collection time would need the database; schemathesis.pytest's lazy
# from_fixture does not work with pytest 9). Requests go to Django's WSGI handler.
schema = schemathesis.openapi.from_dict(code_schema())
schema.app = WSGIHandler()


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_fuzzing_the_schema_finds_no_server_error_and_no_answer_outside_it(case, admin_key, wsgi_app):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {admin_key}", "Host": "localhost"},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
