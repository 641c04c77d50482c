"""``manage.py object_store``: a local S3-compatible store to try media in a bucket.

Runs moto's server (portal/storage/local_store.py) in the foreground, creates the bucket
and prints the environment that points the site at it. Stop it with Ctrl-C; it keeps
nothing (moto holds objects in memory).
"""

from django.core.management.base import BaseCommand

from portal.storage import local_store


class Command(BaseCommand):
    help = "Run a local S3-compatible object store (moto) with the media bucket."
    requires_system_checks = []  # the bucket this command creates is what a check looks for

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=9000)
        parser.add_argument("--bucket", default="portal-media")

    def handle(self, *args, host, port, bucket, **options):
        endpoint = f"http://{host}:{port}"
        process = local_store.start(host, port)
        try:
            local_store.create_bucket(endpoint, bucket)
            self.stdout.write(
                "Object store running. Point the site at it with:\n"
                f"  export PORTAL_S3_BUCKET={bucket} PORTAL_S3_ENDPOINT_URL={endpoint}\n"
                "  export AWS_ACCESS_KEY_ID=portal-local AWS_SECRET_ACCESS_KEY=portal-local\n"
                "Ctrl-C stops it (and forgets every object)."
            )
            process.wait()
        except KeyboardInterrupt:
            pass
        finally:
            process.terminate()
            process.wait(timeout=10)
