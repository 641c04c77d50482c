"""What the news index and the event index share: an intro, one per home page, and the
query-string handling of their listings (topic filter, page number) that answers bad input
with a 404 instead of a 500."""

from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from home.editorial.forms import PortalPageForm
from home.pagination import parse_page_number
from home.topics import topic_for_slug

PAGE_SIZE = 10


def with_images_and_topics(queryset):
    """Listing items with hero image, all its renditions and topics: three extra queries
    whatever the number of items."""
    images = get_image_model().objects.prefetch_renditions()
    return queryset.prefetch_related(Prefetch("hero_image", queryset=images), "topics")


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


def paginate(request, queryset, page_size=PAGE_SIZE):
    paginator = Paginator(with_images_and_topics(queryset), page_size)
    try:
        return paginator.page(parse_page_number(request.GET.get("page")))
    except EmptyPage as error:
        raise Http404("no such page") from error


class ListingPage(RoutablePageMixin, Page):
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
