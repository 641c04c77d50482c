"""Queue again every film video whose worker died mid-transcode, or whose task was lost.

Run when a worker starts (Procfile, deploy/systemd/portal-worker.service) and every few
minutes by the scheduled-publishing timer: a film is never stuck in "processing".
"""

from django.core.management.base import BaseCommand

from home.films.tasks import resume_stalled


class Command(BaseCommand):
    help = "Queue stalled or lost film transcodes again."

    def handle(self, *args, **options):
        count = resume_stalled()
        if options["verbosity"]:
            self.stdout.write(f"{count} film video(s) queued for processing")
