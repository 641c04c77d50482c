"""Queue again every film video whose worker died mid-transcode, or whose task was lost,
and every master stored before the film pipeline existed (it has no encoding yet).

Run when a worker starts (Procfile, deploy/systemd/portal-worker.service) and every few
minutes by the scheduled-publishing timer: a film is never stuck in "processing", and an
upgraded site gets the ladder for the films it already had.
"""

from django.core.management.base import BaseCommand

from home.films.encoding import FilmEncoding
from home.films.models import FilmSource
from home.films.pipeline import queue_masters
from home.films.tasks import resume_stalled


class Command(BaseCommand):
    help = "Queue stalled, lost or never processed film transcodes."

    def handle(self, *args, **options):
        known = FilmEncoding.objects.values("master")
        unprocessed = (
            FilmSource.objects.exclude(file="")
            .exclude(file__in=known)
            .values_list("file", flat=True)
            .distinct()
        )
        queue_masters(list(unprocessed))  # creates their encodings, queued
        count = resume_stalled()  # enqueues every queued encoding once
        if options["verbosity"]:
            self.stdout.write(f"{count} film video(s) queued for processing")
