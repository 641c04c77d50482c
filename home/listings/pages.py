"""What every listing page (news, events, projects) shares: an intro, one per home page,
and the query-string handling of its listing (topic filter, page number) that answers bad
input with a 404 instead of a 500."""

from django.core.paginator import EmptyPage
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.search import index

from home.editorial.forms import PortalPageForm
from home.editorial.slugs import AsciiSlugMixin
from home.images.renditions import card_renditions
from home.listings.cards import for_cards
from home.listings.pagination import GenerationCountPaginator, parse_page_number
from home.pages.models import FastViewRestrictionsMixin
from home.topics.localized import localized_topics_prefetch, topic_for_slug

PAGE_SIZE = 10


def with_images_and_topics(queryset, language: str):
    """Listing items (``card_items``) with the topics of ``language``
    (``item.localized_topics``) prefetched; the caller fetches the card renditions, for
    several listings in one query (the home page's teasers,
    ``home.images.renditions.prefetch_picture_renditions``)."""
    return card_items(queryset).prefetch_related(localized_topics_prefetch(language))


def filter_by_topic(request, querysets, language):
    """Apply ``?topic=<slug>`` (a topic of ``language``) to each queryset, by translation key.

    Returns the active topic (or None) and the filtered querysets; unknown topics are 404."""
    slug = request.GET.get("topic")
    if not slug:
        return None, querysets
    topic = topic_for_slug(slug, language)
    if topic is None:
        raise Http404("unknown topic")
    key = topic.translation_key
    return topic, [qs.filter(topics__translation_key=key).distinct() for qs in querysets]


class CardPrefetch:
    """What a card needs beyond its row (topics of ``language``, the card renditions of the
    hero image), fetched for the cards that are rendered: the listing templates pass it as
    ``prepare`` to ``{% fragment_each %}``, so cards served from the fragment cache cost
    nothing, and rendered ones two queries whatever their number."""

    do_not_call_in_templates = True  # the template passes it on; fragment_each calls it

    def __init__(self, language: str):
        self.language = language

    def __call__(self, items) -> None:
        prefetch_related_objects(
            list(items),
            localized_topics_prefetch(self.language),
            card_renditions("hero_image__renditions"),
        )


def card_items(queryset):
    """Listing items with their hero image joined and only the columns a card shows; the
    rest comes from ``CardPrefetch`` when the cards are rendered."""
    return for_cards(queryset.select_related("hero_image"), "hero_image")


def paginate(request, queryset, page_size=PAGE_SIZE):
    paginator = GenerationCountPaginator(card_items(queryset), page_size)
    try:
        return paginator.page(parse_page_number(request.GET.get("page")))
    except EmptyPage as error:
        raise Http404("no such page") from error


class ListingPage(AsciiSlugMixin, FastViewRestrictionsMixin, RoutablePageMixin, Page):
    intro = models.TextField(
        _("introduction"), blank=True, max_length=600, help_text=_("Shown above the list.")
    )

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    base_form_class = PortalPageForm

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True
