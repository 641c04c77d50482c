"""The poster, chosen among the stills the worker took from the film's own video.

The worker stores three stills of each master in the image library (``posters``). Finding
them through the image chooser means knowing the collection; so the film form offers them
directly, as a group of radio buttons with the pictures as their labels: one click, or the
arrow keys, and "Save" makes the still the poster. Plain form controls work with keyboard
and screen readers and without JavaScript. The poster chooser above stays for any other
image; the choice here only counts when the editor changed it.
"""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from home.films.pipeline import encodings_by_master, masters_of
from home.images.models import CustomImage

KEEP = ""


def stills_of(film) -> list[CustomImage]:
    """The stills of the film's masters, in the order the worker made them."""
    if film is None or not film.pk:
        return []
    ids = [pk for e in encodings_by_master(masters_of(film)).values() for pk in e.posters]
    images = CustomImage.objects.in_bulk(ids)
    return [images[pk] for pk in ids if pk in images]


def still_label(image: CustomImage):
    rendition = image.get_rendition("max-240x135")
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="" class="film-still__image">'
        '<span class="film-still__title">{}</span>',
        rendition.url,
        rendition.width,
        rendition.height,
        image.title,
    )


class StillsRadioSelect(forms.RadioSelect):
    """Radio buttons named as a group: inside a MultiFieldPanel Wagtail shows the field's
    label as a heading that no control points to."""

    group_label = ""

    def render(self, name, value, attrs=None, renderer=None):
        return format_html(
            '<div role="radiogroup" aria-label="{}">{}</div>',
            self.group_label,
            super().render(name, value, attrs, renderer),
        )


class PosterStillField(forms.ChoiceField):
    widget = StillsRadioSelect(attrs={"class": "film-stills"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Poster from the video"))
        kwargs.setdefault(
            "help_text",
            _("Take one of the stills from the video as the poster; it replaces the image above."),
        )
        super().__init__(**kwargs)
        self.widget.group_label = self.label

    def offer(self, film) -> None:
        """Fill in the stills of ``film``; without any, the field is not shown."""
        stills = stills_of(film)
        if not stills:
            self.widget = forms.HiddenInput()
            self.choices = [(KEEP, "")]
            return
        self.choices = [(KEEP, _("Keep the poster image above"))] + [
            (str(image.pk), still_label(image)) for image in stills
        ]
        current = str(film.poster_id) if film.poster_id else KEEP
        self.initial = current if current in {key for key, _label in self.choices} else KEEP
