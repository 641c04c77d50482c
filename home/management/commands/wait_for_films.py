"""Wait until the worker has processed every film video, printing the progress.

`make prod` runs it after loading the demo content, so that the stack it reports ready
plays its films; it fails when a video failed or the time ran out.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from home.films.encoding import FilmEncoding


class Command(BaseCommand):
    help = "Wait for every film video to be processed (exit 1 on a failure or timeout)."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=int, default=600, help="seconds (default 600)")

    def handle(self, *args, timeout, **options):
        deadline = time.monotonic() + timeout
        shown = None
        while True:
            rows = list(FilmEncoding.objects.order_by("pk").values("master", "status", "progress"))
            state = ", ".join(
                f"{r['master'].rsplit('/', 1)[-1]} {r['status']} {r['progress']} %" for r in rows
            )
            if state != shown and options["verbosity"]:
                self.stdout.write(f"  films: {state or 'none'}")
                shown = state
            failed = [r["master"] for r in rows if r["status"] == FilmEncoding.Status.FAILED]
            if failed:
                raise CommandError(f"film video(s) failed: {', '.join(failed)}")
            if all(r["status"] == FilmEncoding.Status.READY for r in rows):
                return
            if time.monotonic() > deadline:
                raise CommandError(f"films not ready after {timeout} s: {state}")
            time.sleep(1)
