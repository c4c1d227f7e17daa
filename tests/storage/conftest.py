"""A real S3 API server for the object-storage tests: moto in server mode, in its own process."""

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.cache import caches

from tests.helpers import free_port, kill_group

BUCKET = "masthead-media"


def _is_moto(endpoint, server, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(endpoint + "/moto-api/data.json", timeout=2) as response:
                return response.status == 200 and server.poll() is None
        except urllib.error.HTTPError:
            return False  # something else answers on this port
        except OSError:
            time.sleep(0.1)
    return False


@pytest.fixture(scope="session")
def s3_server():
    """The endpoint URL of a moto S3 server (one per test process), with the bucket created."""
    import boto3

    # A port freed by free_port() can be taken by another test process's server before moto binds
    # it (seen once in CI: a plain HTTP server answered CreateBucket with 501). Moto's own API
    # answering proves the port is moto's; otherwise start again on another port.
    for _attempt in range(3):
        port = free_port()
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        endpoint = f"http://127.0.0.1:{port}"
        if _is_moto(endpoint, server):
            break
        kill_group(server)
    else:
        raise RuntimeError("moto_server did not start")
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    yield endpoint
    kill_group(server)
    server.wait(timeout=10)


def s3_settings(endpoint, bucket=BUCKET):
    """Environment variables (the deploy guide's) for object storage at `endpoint`."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_S3_ADDRESSING_STYLE": "path",
    }


@pytest.fixture
def object_storage(settings, s3_server):
    """This test's media and newsroom files on the S3 server, as settings.py configures them."""
    import botocore.config

    prefix = f"t{time.monotonic_ns()}"
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = s3_server
    settings.AWS_ACCESS_KEY_ID = "test"
    settings.AWS_SECRET_ACCESS_KEY = "test"
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_S3_CUSTOM_DOMAIN = None
    settings.AWS_S3_FILE_OVERWRITE = False
    settings.AWS_DEFAULT_ACL = None
    settings.AWS_LOCATION = f"{prefix}/media"
    settings.AWS_S3_CLIENT_CONFIG = botocore.config.Config(
        s3={"addressing_style": "path"},
        signature_version="s3v4",
        connect_timeout=2,
        read_timeout=5,
        retries={"max_attempts": 1},
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "masthead.core.storage_s3.S3MediaStorage"},
        "newsroom": {
            "BACKEND": "masthead.core.storage_s3.S3PrivateStorage",
            "OPTIONS": {"location": f"{prefix}/private"},
        },
    }
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    # Renditions are remembered per process by image id; ids come back after a rolled-back test.
    caches["renditions"].clear()
    return prefix
