"""Load the demo site: every app's registered demo loader, in order. Safe to run twice."""

from django.core.management.base import BaseCommand

from home.registry import demo_loaders


class Command(BaseCommand):
    help = "Create the demo site (German with English translations). Idempotent."

    def handle(self, *args, **options):
        def log(message):
            if options["verbosity"] > 0:
                self.stdout.write(message)

        for loader in demo_loaders():
            log(f"Demo content: {loader.name}")
            loader.load(log)
        log(self.style.SUCCESS("Demo content ready."))
