"""What the news index and the event index share: an intro, one per home page, and the
query-string handling of their listings (topic filter, page number) that answers bad input
with a 404 instead of a 500."""

from django.core.paginator import EmptyPage, Paginator
from django.db import models
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
from home.listings.pagination import parse_page_number
from home.pages.models import FastViewRestrictionsMixin
from home.topics.localized import localized_topics_prefetch, topic_for_slug

PAGE_SIZE = 10


def with_images_and_topics(queryset, language: str, renditions: bool = True):
    """Listing items with hero image (joined), its card renditions and the topics of
    ``language`` (``item.localized_topics``): two extra queries whatever the number of items.
    Only the columns a card shows are loaded (``home.listings.cards.for_cards``).

    ``renditions=False`` leaves the renditions to the caller, which fetches those of several
    listings in one query (the home page's teasers,
    ``home.images.renditions.prefetch_picture_renditions``).
    """
    prefetches = [localized_topics_prefetch(language)]
    if renditions:
        prefetches.append(card_renditions("hero_image__renditions"))
    return for_cards(queryset.select_related("hero_image"), "hero_image").prefetch_related(
        *prefetches
    )


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


def paginate(request, queryset, language: str, page_size=PAGE_SIZE):
    paginator = Paginator(with_images_and_topics(queryset, language), page_size)
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
