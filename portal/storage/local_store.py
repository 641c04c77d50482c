"""A local S3-compatible object store for trying the bucket set-up out and for the tests:
moto's server mode (PyPI ``moto[server]``), a real HTTP endpoint that speaks S3.

``manage.py object_store`` runs one in the foreground (``make object-store``);
``make prod OBJECT_STORE=moto``, bench/two-hosts.sh and the tests start one in the
background with ``start()``. It keeps everything in memory: a restart empties it.
Credentials are not checked (moto accepts any key); the check for wrong credentials is
tested against a second moto with IAM authentication on (tests/storage/).
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3

DEFAULT_REGION = "eu-central-1"
# moto accepts any key; these make boto3 sign requests the way it does against AWS.
DEMO_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "portal-local", "AWS_SECRET_ACCESS_KEY": "portal-local"}


def moto_command(host: str, port: int) -> list[str]:
    return [str(Path(sys.executable).with_name("moto_server")), "-H", host, "-p", str(port)]


def wait_until_listening(host: str, port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection((host, port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the object store on {host}:{port} did not start")


def start(host: str, port: int, log=None, extra_env=None) -> subprocess.Popen:
    """moto's server in the background; returns once it accepts connections."""
    process = subprocess.Popen(
        moto_command(host, port),
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(extra_env or {})},
    )
    try:
        wait_until_listening(host, port)
    except RuntimeError:
        process.kill()
        raise
    return process


def client(endpoint: str, region: str = DEFAULT_REGION):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id=os.environ.get(
            "AWS_ACCESS_KEY_ID", DEMO_CREDENTIALS["AWS_ACCESS_KEY_ID"]
        ),
        aws_secret_access_key=os.environ.get(
            "AWS_SECRET_ACCESS_KEY", DEMO_CREDENTIALS["AWS_SECRET_ACCESS_KEY"]
        ),
    )


def create_bucket(endpoint: str, bucket: str, region: str = DEFAULT_REGION) -> None:
    """The media bucket, private (objects say themselves who may read them)."""
    s3 = client(endpoint, region)
    existing = {b["Name"] for b in s3.list_buckets().get("Buckets", [])}
    if bucket not in existing:
        s3.create_bucket(
            Bucket=bucket,
            ACL="private",
            CreateBucketConfiguration={"LocationConstraint": region},
        )
