"""The film asset: a translatable snippet with draft state, shared by campaign film pages,
the campaign grid and the ``FilmBlock`` in any page body.

Sources and caption tracks are inline children. They are synchronised, not translated: the
English film shows the same files as the German one, and the player picks the version and the
caption track of the page's language. Text about the film (title, description, credits,
transcript, audio-description statement) is translated with wagtail-localize.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.editorial import help_texts as help
from home.films.caption_files import CaptionFileField
from home.films.forms import FilmAdminForm
from home.films.kept_uploads import KeptFileField
from home.films.pipeline import duration_of, masters_of, not_ready_errors
from home.films.processing_panel import FilmProcessingPanel
from home.films.sources import caption_errors, source_errors
from home.films.validators import validate_video_file, validate_webvtt_file


def language_choices():
    """The portal's languages. Passed to the fields as a callable, so that migrations record
    the function, not today's list: adding a language is a setting, not a migration."""
    return list(settings.LANGUAGES)


def iso_duration(seconds: int | None) -> str:
    """ISO 8601 duration as schema.org's VideoObject wants it, e.g. ``PT1M5S``."""
    seconds = int(seconds or 0)
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


class Film(
    TranslatableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    title = models.CharField(_("title"), max_length=120, help_text=_("The film's title."))
    description = models.TextField(
        _("description"),
        max_length=500,
        help_text=_("One or two sentences on what the film shows; also used by search engines."),
    )
    duration = models.PositiveIntegerField(
        _("duration in seconds"),
        null=True,
        blank=True,
        help_text=_(
            "Filled in from the video file once it is processed. Type it only for a "
            "YouTube or Vimeo film, e.g. 95."
        ),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=8,
        choices=language_choices,
        default="de",
        help_text=_(
            "Language of the original version; shown where no version in the page's "
            "language exists."
        ),
    )
    poster = models.ForeignKey(
        "home.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("poster image"),
        help_text=_("Still image shown before the film starts, 16:9, at least 1280 px wide."),
    )
    poster_alt = models.CharField(
        _("poster alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the poster shows; leave empty to use the image's description."),
    )
    credits = models.TextField(
        _("credits"), blank=True, help_text=_("Director, camera, music, rights; one per line.")
    )
    transcript = models.TextField(
        _("transcript"),
        help_text=_(
            "Everything that is said and everything important that is shown, as text. "
            "Shown under the film for people who cannot watch or hear it, and for search."
        ),
    )
    host_captions_confirmed = models.BooleanField(
        _("captions on the video host checked"),
        default=False,
        help_text=_(
            "External films only (YouTube, Vimeo): tick this once you have checked on the video "
            "host that the film shows captions in German and English. The portal cannot check "
            "this itself; an external film is not published without it."
        ),
    )
    audio_description_statement = models.TextField(
        _("audio description statement"),
        blank=True,
        help_text=_(
            "If there is no version with audio description: state that the film carries no "
            "information that is only visible (e.g. 'Everything shown is also said.')."
        ),
    )

    base_form_class = FilmAdminForm
    override_translatable_fields = [
        SynchronizedField("sources", overridable=False),
        SynchronizedField("caption_tracks", overridable=False),
        SynchronizedField("original_language", overridable=False),
    ]

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("duration"),
        FieldPanel("original_language"),
        MultiFieldPanel(
            [FieldPanel("poster"), FieldPanel("poster_still"), FieldPanel("poster_alt")],
            heading=_("Poster"),
            help_text=help.POSTER_GROUP,
        ),
        InlinePanel(
            "sources",
            heading=_("Sources"),
            label=_("Source"),
            help_text=_(
                "Either the film's master file (MP4, MOV, MKV or WebM; one version per "
                "language) or one YouTube/Vimeo address — not both."
            ),
        ),
        FilmProcessingPanel(),
        InlinePanel(
            "caption_tracks",
            heading=_("Captions"),
            label=_("Caption track"),
            help_text=_(
                "WebVTT or SubRip (.srt) files, one per language and kind. A self-hosted film is "
                "only published with a caption track of the kind “Captions” for each language "
                "version."
            ),
        ),
        FieldPanel("host_captions_confirmed"),
        FieldPanel("transcript"),
        FieldPanel("audio_description_statement"),
        FieldPanel("credits"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.SearchField("transcript"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("film")
        verbose_name_plural = _("films")
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def poster_alt_text(self) -> str:
        if self.poster_alt:
            return self.poster_alt
        return self.poster.description if self.poster else ""

    @property
    def duration_display(self) -> str:
        """Length as minutes:seconds, e.g. ``1:35``."""
        minutes, seconds = divmod(int(self.duration or 0), 60)
        return f"{minutes}:{seconds:02d}"

    @property
    def iso_duration(self) -> str:
        return iso_duration(self.duration)

    def source_errors(self) -> list[str]:
        return source_errors(list(self.sources.all()))

    def publish_errors(self) -> list[str]:
        """Everything that keeps this film (or a revision's copy of it) from going live:
        its sources, its captions, and videos the worker has not made ready yet."""
        sources = list(self.sources.all())
        tracks = list(self.caption_tracks.all())
        return (
            source_errors(sources)
            + caption_errors(sources, tracks, self.transcript, self.host_captions_confirmed)
            + not_ready_errors(masters_of(self))
        )

    def save(self, *args, **kwargs):
        """A live film always has exactly one kind of source and its captions.
        wagtail-localize saves a translated snippet as live *before* it publishes the revision
        (in ``on_commit``), so the check on publishing alone would come too late for the
        translation editor."""
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            # A self-hosted film's length comes from its file, once the worker probed it.
            self.duration = duration_of(masters_of(self)) or self.duration
        if self.live and (update_fields is None or "live" in update_fields):
            errors = self.publish_errors()
            if errors:
                # A dict: wagtail-localize reads ``error_dict`` when a translation fails.
                raise ValidationError({"sources": errors})
        return super().save(*args, **kwargs)

    def publish(self, revision, *args, **kwargs):
        """Sources and caption tracks are inline children the model's ``clean()`` cannot see
        before they are saved, so the admin form checks them; this checks the revision again
        on every publish path (admin, translation editor, shell), so a broken or uncaptioned
        film never goes live."""
        errors = revision.as_object().publish_errors()
        if errors:
            raise ValidationError({"sources": errors})
        return super().publish(revision, *args, **kwargs)


class FilmSource(Orderable):
    film = ParentalKey(Film, on_delete=models.CASCADE, related_name="sources")
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=language_choices,
        default="de",
        help_text=_("Language spoken in this version."),
    )
    file = KeptFileField(
        _("video file"),
        upload_to="films/",
        blank=True,
        validators=[validate_video_file],
        help_text=_(
            "The master: MP4, MOV, MKV or WebM in the best quality you have (1080p is "
            "ideal). It is processed for every kind of phone and connection in the background."
        ),
    )
    external_url = models.URLField(
        _("external address"),
        blank=True,
        help_text=_("…or a YouTube or Vimeo address, e.g. https://www.youtube.com/watch?v=…"),
    )
    audio_described = models.BooleanField(
        _("with audio description"),
        default=False,
        help_text=_("This version has spoken descriptions of what is shown."),
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("file"),
        FieldPanel("external_url"),
        FieldPanel("audio_described"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("film source")
        verbose_name_plural = _("film sources")

    @property
    def mime_type(self) -> str:
        return "video/webm" if self.file.name.lower().endswith(".webm") else "video/mp4"


class FilmCaptionTrack(Orderable):
    KIND_CHOICES = [
        ("captions", _("Captions (speech and sounds)")),
        ("subtitles", _("Subtitles (translation of speech)")),
        ("descriptions", _("Descriptions (text of what is shown)")),
    ]

    film = ParentalKey(Film, on_delete=models.CASCADE, related_name="caption_tracks")
    language = models.CharField(_("language"), max_length=8, choices=language_choices, default="de")
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=KIND_CHOICES,
        default="captions",
        help_text=_("Captions include sounds and are for people who cannot hear the film."),
    )
    file = CaptionFileField(
        _("caption file"),
        upload_to="films/captions/",
        validators=[validate_webvtt_file],
        help_text=_(
            "A WebVTT (.vtt) or SubRip (.srt) file; SubRip is converted to WebVTT on upload."
        ),
    )

    panels = [FieldPanel("language"), FieldPanel("kind"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("caption track")
        verbose_name_plural = _("caption tracks")
