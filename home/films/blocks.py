"""FilmBlock: embeds a film asset in any page body (a press release can show a campaign film
without the news app knowing about the campaign app)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.films.models import Film
from home.films.rendering import live_film, player_context


class FilmBlock(blocks.StructBlock):
    film = SnippetChooserBlock(
        "home.Film",
        label=_("Film"),
        help_text=_(
            "A film from the film library. It is shown with poster, captions and transcript in "
            "the page's language; external films load only after a click."
        ),
    )

    class Meta:
        icon = "media"
        template = "blocks/film_block.html"
        label = _("Film")
        description = _("A film with captions and transcript.")

    def get_preview_value(self):
        film = Film.objects.filter(live=True).order_by("pk").first()
        return self.to_python({"film": film.pk if film else None})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        film = live_film(value.get("film"))
        context["player"] = player_context(film) if film else None
        return context
