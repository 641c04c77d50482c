"""Flat admin listings of news articles and events with Wagtail's own listing viewset
(``PageListingViewSet``): filters for what editors look for (kind, topic, date; status,
start) and columns that answer "what is this, when, is it live" without opening the page.
The tree explorer stays as it is; these are extra menu items."""

import django_filters
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from home.models import Topic
from news.event_choices import EventStatus
from news.models import EventPage, NewsPage
from news.models.articles import NewsKind


def _topics(request):
    return Topic.objects.select_related("locale").order_by("locale__language_code", "name")


class NewsFilterSet(PageFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=NewsKind.choices, empty_label=_("Any")
    )
    topics = django_filters.ModelMultipleChoiceFilter(
        label=_("Topics"), queryset=_topics, widget=CheckboxSelectMultiple, distinct=True
    )
    date = django_filters.DateFromToRangeFilter(
        label=_("Publication date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = NewsPage
        fields = []


class EventFilterSet(PageFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=EventStatus.choices, empty_label=_("Any")
    )
    start = django_filters.DateFromToRangeFilter(label=_("Start"), widget=DateRangePickerWidget)

    class Meta:
        model = EventPage
        fields = []


class NewsListingViewSet(PageListingViewSet):
    model = NewsPage
    icon = "doc-full"
    name = "news_articles"
    menu_label = _("News and press releases")
    menu_order = 110
    add_to_admin_menu = True
    filterset_class = NewsFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
        Column("date", label=_("Publication date"), sort_key="date"),
    ]


class EventListingViewSet(PageListingViewSet):
    model = EventPage
    icon = "date"
    name = "events"
    menu_label = _("Events")
    menu_order = 120
    add_to_admin_menu = True
    filterset_class = EventFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("start", label=_("Start"), sort_key="start"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
    ]


news_listing = NewsListingViewSet()
event_listing = EventListingViewSet()
