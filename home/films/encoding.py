"""What the worker made of an uploaded master: its state for the admin and its renditions for
the player.

One row per master file (by its storage name), not per film source: a film's language
versions are synchronised into its translations, so the German and the English film point at
the same master and share one encoding, and saving a film again never transcodes twice.

A new attempt (a retry, "transcode again") writes into a fresh folder and replaces the
previous outputs only once it is complete and checked: visitors keep the last ready
renditions while it runs, and a failed attempt keeps them too.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FilmEncoding(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        PROCESSING = "processing", _("processing")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    master = models.CharField(_("master file"), max_length=255, unique=True)
    status = models.CharField(
        _("state"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress in per cent"), default=0)
    error = models.TextField(_("reason it failed"), blank=True)
    attempt = models.PositiveIntegerField(default=0)
    # Written with the progress while an attempt runs: a row in "processing" whose heartbeat
    # stopped belongs to a worker that died, and is queued again (tasks.resume_stalled).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    # Facts probed from the master.
    duration = models.FloatField(null=True, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    fps = models.FloatField(null=True, blank=True)
    has_audio = models.BooleanField(null=True)
    # The last complete, checked outputs (storage names); empty until the first one.
    output = models.CharField(max_length=255, blank=True)
    hls_master = models.CharField(max_length=255, blank=True)
    mp4 = models.CharField(max_length=255, blank=True)
    # Bytes of the MP4, noted when it is made: the download link shows it without asking
    # the storage (with a bucket, a HEAD request per rendering).
    mp4_size = models.PositiveBigIntegerField(null=True, blank=True)
    renditions = models.JSONField(default=list, blank=True)
    posters = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("film encoding")
        verbose_name_plural = _("film encodings")

    def __str__(self):
        return f"{self.master} ({self.get_status_display()})"

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    @property
    def is_playable(self) -> bool:
        """Complete renditions exist (possibly of an earlier attempt)."""
        return bool(self.hls_master and self.mp4)

    @property
    def rendition_names(self) -> list[str]:
        return [rendition["name"] for rendition in self.renditions]


class FilmPublishRequest(models.Model):
    """An editor pressed "Publish" while the film's video was still being prepared: the
    revision is published by the worker once every master in it is ready, as long as it is
    still the film's latest revision. A failure cancels the request."""

    film = models.ForeignKey("home.Film", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["film"], name="one_publish_request_per_film")
        ]


def masters_in_revision_content(content: dict) -> list[str]:
    """Storage names of a film's uploaded files, read from a revision's serialised content
    without building the object."""
    return [source["file"] for source in content.get("sources", []) if source.get("file")]
