"""A real S3-compatible store for the tests: moto's server mode on a free port of
127.0.0.1 (portal/storage/local_store.py), started once per test session when a test asks
for it, and the settings that point the site at a fresh bucket in it."""

import socket
import uuid

from django.conf import settings as django_settings

from portal.storage import local_store


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ObjectStore:
    def __init__(self):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process = local_store.start("127.0.0.1", self.port)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def new_bucket(self) -> str:
        name = f"portal-test-{uuid.uuid4().hex[:10]}"
        local_store.create_bucket(self.endpoint, name)
        return name

    def client(self):
        return local_store.client(self.endpoint)

    def keys(self, bucket: str) -> list[str]:
        answer = self.client().list_objects_v2(Bucket=bucket)
        return sorted(entry["Key"] for entry in answer.get("Contents", ()))


def use_bucket(settings, monkeypatch, endpoint: str, bucket: str) -> None:
    """Media of this test in ``bucket``, exactly as base.py configures PORTAL_S3_BUCKET."""
    for name, value in local_store.DEMO_CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    settings.PORTAL_S3_BUCKET = bucket
    settings.PORTAL_S3_ENDPOINT_URL = endpoint
    settings.STORAGES = {
        **django_settings.STORAGES,
        "default": {
            "BACKEND": "portal.storage.s3.MediaStorage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": endpoint,
                "region_name": local_store.DEFAULT_REGION,
            },
        },
    }
