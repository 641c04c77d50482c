"""Home page and the standard content/legal page."""

from functools import partial

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BaseStreamBlock
from home.editorial import help_texts as help
from home.editorial.forms import PortalPageForm
from home.editorial.slugs import AsciiSlugMixin
from home.films.rendering import live_film, player_context
from home.i18n import site_has_view_restrictions
from home.images.renditions import prefetch_picture_renditions, stream_images
from home.registry import home_teasers


def hero_image_field():
    return models.ForeignKey(
        "home.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
        help_text=_("Large image at the top, at least 1600 × 900 px."),
    )


def hero_alt_field():
    """Alt text beside the hero chooser: translatable, unlike the image itself."""
    return models.CharField(
        _("hero image alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty to use the "
            "image's description; the image is then treated as decorative if that is empty too."
        ),
    )


class FastViewRestrictionsMixin:
    """Wagtail checks view restrictions on every page view with two queries (ancestors, then
    restrictions). Most of the time the site has none at all: that fact is cached
    (``home.chrome.cache.site_has_view_restrictions``) and the check costs nothing. Otherwise
    Wagtail's own method runs unchanged."""

    def get_view_restrictions(self):
        if not site_has_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HeroImageMixin(models.Model):
    hero_image = hero_image_field()
    hero_alt = hero_alt_field()

    # Publishing rules (lengths, hero image size) shown next to the fields.
    base_form_class = PortalPageForm

    class Meta:
        abstract = True

    @property
    def hero_alt_text(self) -> str:
        if self.hero_alt:
            return self.hero_alt
        return self.hero_image.description if self.hero_image else ""

    hero_panels = [
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt")],
            heading=_("Hero image"),
            help_text=help.HERO_GROUP,
        )
    ]


def _items_of(every_item, name: str):
    return every_item[name]


def _all_teaser_items(request, home_page) -> dict:
    """Every home teaser's items by name, with the renditions of all their card images and
    of the body's images in one query. The home page's fragments are rendered together (they
    die together, with the generation or at a clock boundary), so the first miss computes
    them all."""
    found = {teaser.name: teaser.items(request, home_page) for teaser in home_teasers()}
    cards = [image for items in found.values() for image in (items or {}).get("images") or []]
    prefetch_picture_renditions(inline=[*cards, *stream_images(home_page.body)])
    return found


class HomePage(AsciiSlugMixin, FastViewRestrictionsMixin, HeroImageMixin, Page):
    """Start page of one language. Teaser areas are contributed by other apps."""

    headline = models.CharField(
        _("headline"),
        max_length=120,
        help_text=_("The main heading (H1), e.g. the campaign claim. At most about 60 characters."),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("Two or three sentences under the headline."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    sign_language_film = models.ForeignKey(
        "home.Film",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("film in German Sign Language (DGS)"),
        help_text=_(
            "Shown on the home page under 'Information in German Sign Language'. Choose a film "
            "that explains the site in DGS; leave empty until one exists."
        ),
    )

    parent_page_types = ["wagtailcore.Page"]
    # Index pages of other apps are named by label only: home does not import those apps.
    subpage_types = [
        "home.StandardPage",
        "home.SearchPage",
        "news.NewsIndexPage",
        "news.EventIndexPage",
        "news.PressPage",
        "projects.ProjectIndexPage",
        "campaign.CampaignPage",
    ]
    template = "home/home_page.html"
    # A DGS film is the same in every language: the English home shows the same film (or
    # its live English version, see live_film) instead of asking translators to pick one.
    override_translatable_fields = [SynchronizedField("sign_language_film")]

    content_panels = Page.content_panels + [
        FieldPanel("headline"),
        FieldPanel("intro"),
        *HeroImageMixin.hero_panels,
        FieldPanel("body", help_text=help.BODY),
        FieldPanel("sign_language_film"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("headline"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """Teaser data is lazy: the template renders each teaser area inside a cached
        fragment, and only a fragment miss asks for the items (all areas' at once, with
        their and the body images' renditions in one query). The hero, rendered on every
        view, gets its renditions in a query of its own."""
        context = super().get_context(request, *args, **kwargs)
        every_item = SimpleLazyObject(partial(_all_teaser_items, request, self))
        context["teasers"] = [
            {
                "name": teaser.name,
                "template": teaser.template,
                # Not ``every_item.get``: that attribute access would evaluate it at once.
                "items": SimpleLazyObject(partial(_items_of, every_item, teaser.name)),
            }
            for teaser in home_teasers()
        ]
        prefetch_picture_renditions(hero=self.hero_image)
        return context

    def sign_language_player(self):
        """The DGS film's player in the current language (live versions only), or None."""
        film = live_film(self.sign_language_film) if self.sign_language_film_id else None
        if film is None:
            return None
        prefetch_picture_renditions(posters=[film.poster])
        return player_context(film)


class StandardPage(AsciiSlugMixin, FastViewRestrictionsMixin, HeroImageMixin, Page):
    """Content and legal pages (Impressum, Datenschutz, Barrierefreiheit, …)."""

    intro = models.TextField(
        _("introduction"), blank=True, max_length=600, help_text=_("Optional lead paragraph.")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "news.NewsIndexPage", "news.EventIndexPage"]
    template = "home/standard_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        *HeroImageMixin.hero_panels,
        FieldPanel("body", help_text=help.BODY),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")
