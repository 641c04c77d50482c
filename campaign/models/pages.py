"""The campaign "Die Lausitz. Krasse Gegend.": its landing page and one page per film.

The film itself is an asset in ``home`` (``home.Film``); a film page references it and adds
page text, topics and related news and events, so the same film can also appear in any page
body through the FilmBlock.
"""

from functools import cached_property

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from campaign.structured_data import sitemap_video, video_object
from home.blocks import BaseStreamBlock
from home.editorial import help_texts as help
from home.editorial.forms import PortalPageForm
from home.editorial.slugs import AsciiSlugMixin
from home.films.rendering import live_film, player_context
from home.i18n import localize_page_ids, page_language, public
from home.images.renditions import card_renditions
from home.listings.cards import for_cards
from home.pages.models import FastViewRestrictionsMixin, HeroImageMixin
from home.topics.localized import TopicsInLanguageMixin
from home.topics.panels import TopicsPanel


class CampaignPage(AsciiSlugMixin, FastViewRestrictionsMixin, HeroImageMixin, Page):
    """Landing page of the campaign: claim, hero, intro, grid of its films, body."""

    claim = models.CharField(
        _("claim"),
        max_length=120,
        help_text=_("The campaign's claim as the main heading, e.g. 'Die Lausitz. Krasse Gegend.'"),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("Two or three sentences under the claim."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaign.FilmPage"]
    template = "campaign/campaign_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("claim"),
        FieldPanel("intro"),
        *HeroImageMixin.hero_panels,
        FieldPanel("body", help_text=help.BODY),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("claim"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("campaign page")

    @cached_property
    def films_shown(self) -> list:
        """The film pages the landing page shows (asked for inside its cached fragment)."""
        return list(self.film_pages())

    def lead_player(self) -> dict | None:
        """The first film's player, shown full-bleed at the top of the landing page: the
        campaign's films are its centre. Its film is live in this page's language."""
        first = next(iter(self.films_shown), None)
        return first.player() if first is not None else None

    def film_pages(self, renditions: bool = True):
        """The campaign's live film pages with film and poster renditions: a fixed number of
        queries however many films there are. ``renditions=False``: the caller fetches them
        (see ``home.listings.pages.with_images_and_topics``)."""
        films = for_cards(
            public(FilmPage.objects.live().child_of(self))
            .select_related("film", "film__poster")
            .order_by("path"),
            "film__poster",
            extra_deferred=("film__transcript", "film__credits"),
        )
        return (
            films.prefetch_related(card_renditions("film__poster__renditions"))
            if renditions
            else films
        )


class FilmPage(AsciiSlugMixin, FastViewRestrictionsMixin, TopicsInLanguageMixin, Page):
    """One film of the campaign, with page text, topics and related news and events."""

    film = models.ForeignKey(
        "home.Film",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("film"),
        help_text=_("The film from the film library shown on this page."),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=400,
        help_text=_("Teaser text, shown in the campaign's film grid and under the heading."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("page text"))
    topics = ParentalManyToManyField(
        "home.Topic",
        blank=True,
        related_name="+",
        verbose_name=_("topics"),
        help_text=_("Topics of the film; shown in the visitor's language."),
    )

    # wagtail-localize ignores many-to-many fields unless told: copy the (German) topics to
    # the translation; they are shown as the current language's live topics.
    override_translatable_fields = [SynchronizedField("topics")]
    base_form_class = PortalPageForm

    parent_page_types = ["campaign.CampaignPage"]
    subpage_types = []
    template = "campaign/film_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("film"),
        FieldPanel("intro"),
        FieldPanel("body", help_text=help.BODY),
        TopicsPanel(),
        InlinePanel(
            "related_pages",
            heading=_("Related news and events"),
            label=_("Related page"),
            help_text=_("Shown in the visitor's language where a translation is live."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("film", [index.SearchField("title"), index.SearchField("transcript")]),
    ]

    class Meta:
        verbose_name = _("film page")

    def live_film(self):
        if not hasattr(self, "_live_film"):
            self._live_film = live_film(self.film, page_language(self))
        return self._live_film

    def localized_related_pages(self):
        ids = [link.target_id for link in self.related_pages.all()]
        return localize_page_ids(ids)

    def structured_data(self, request=None) -> dict | None:
        film = self.live_film()
        return video_object(self, film, request) if film else None

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        film = self.live_film()
        if film is not None:
            video = sitemap_video(self, film, request)
            for url in urls:
                url["videos"] = [video]
        return urls

    def player(self) -> dict | None:
        """What the film template needs of the live film in this page's language, or None.

        Asked for by the template inside a cached fragment (with ``topics_in_language`` and
        ``localized_related_pages``), so a fragment hit costs no query."""
        film = self.live_film()
        return player_context(film) if film else None


class FilmPageRelatedPage(Orderable):
    """A news article or event related to a film (any page, so campaign needs no news import).
    Copied unchanged into translations: rendered through ``home.i18n`` in the page's language."""

    page = ParentalKey(FilmPage, on_delete=models.CASCADE, related_name="related_pages")
    target = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
        help_text=_("A news article or event about this film."),
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
