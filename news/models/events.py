"""Events ("Veranstaltungen"): upcoming first, past ones in a paginated archive."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import RelatedPageBlock
from home.editorial import help_texts as help
from home.editorial.slugs import AsciiSlugMixin
from home.i18n import localized_stream_pages, page_language, public
from home.listings.pages import (
    CardPrefetch,
    ListingPage,
    filter_by_topic,
    paginate,
)
from home.naming import named_by
from home.pages.models import FastViewRestrictionsMixin, HeroImageMixin
from home.regions import District
from home.topics.localized import TopicsInLanguageMixin
from home.topics.panels import TopicsPanel
from news.calendar import calendar_response
from news.calendar_links import calendar_links
from news.event_choices import BERLIN, Attendance, EventStatus
from news.event_filters import BadFilter, EventFilters, parse_event_filters
from news.models.registrations import capacity_errors
from news.recurrence import series_end
from news.recurrence_fields import (
    RecurringEventMixin,
    recurrence_errors,
    upcoming_q,
)
from news.structured_data import event_json_ld
from news.upcoming import upcoming_page
from portal.languages import current_language


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"), required=False, help_text=_("Start of this item."))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    speaker = blocks.CharBlock(
        label=_("Speaker"), required=False, help_text=_("Name and role, or only the role.")
    )

    class Meta:
        icon = "time"
        label = _("Agenda item")
        template = "blocks/agenda_item_block.html"
        preview_value = {"time": "10:00", "title": "Begrüßung", "speaker": "Geschäftsführung"}
        description = _("One item of the programme: time, title and speaker.")


# Facts, not text: they reach every language as soon as the German event is published.
EVENT_FACT_FIELDS = [
    "start",
    "end",
    "all_day",
    "status",
    "attendance",
    "venue_name",
    "venue_address",
    "district",
    "online_url",
    "organiser",
    "registration_url",
    "registration_email",
    "registration_deadline",
    "registration_on_site",
    "capacity",
    "free_of_charge",
    "repeat",
    "repeat_interval",
    "repeat_until",
    "repeat_count",
    "cancelled_dates",
    "series_end",
]


CALENDAR_FEED_SIZE = 200


def feed_events(events, now=None) -> list:
    """What a calendar subscription holds: the next ``CALENDAR_FEED_SIZE`` events to come,
    and as many of the latest past ones as leave room, in date order. Not the oldest 200
    of the archive, which is what "the first 200 by start" became at 2,000 events."""
    now = now or timezone.now()
    coming = list(upcoming_of(events, now)[:CALENDAR_FEED_SIZE])
    room = CALENDAR_FEED_SIZE - len(coming)
    past = list(past_of(events, now)[:room]) if room else []
    return past[::-1] + coming


def upcoming_of(events, now=None):
    """Events that have not ended: one that started today or runs now is still upcoming,
    and so is a repeating event with a date to come. By first start: listings sort them by
    their next date (``news.upcoming``)."""
    return events.filter(upcoming_q(now)).order_by("start", "pk")


def past_of(events, now=None):
    """Events that have ended, the latest first."""
    return events.exclude(upcoming_q(now)).order_by("-start", "-pk")


class EventIndexPage(ListingPage):
    subpage_types = ["news.EventPage"]
    template = "news/event_index_page.html"

    class Meta:
        verbose_name = _("event index")

    def events(self):
        return public(EventPage.objects.child_of(self).live().filter(locale_id=self.locale_id))

    def upcoming(self, now=None):
        return upcoming_of(self.events(), now)

    def past(self, now=None):
        return past_of(self.events(), now)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = current_language()
        now = timezone.now()
        topic, (upcoming, past) = filter_by_topic(
            request, [self.upcoming(now), self.past(now)], language
        )
        past_page = paginate(request, past)
        upcoming_screen = upcoming_page(request, upcoming)
        context.update(
            upcoming=upcoming_screen.object_list,
            upcoming_screen=upcoming_screen,
            prepare_cards=CardPrefetch(language),
            past=past_page,
            active_topic=topic,
            filter_query=f"topic={topic.slug}" if topic else "",
            topic_calendar_url=self.calendar_url(request, EventFilters(topic=topic).query())
            if topic
            else "",
        )
        return context

    @path("ics/", name="calendar")
    def calendar(self, request):
        """The calendar feed, narrowed by the filters of ``news.event_filters`` (a
        subscription to one topic or district); a bad filter is answered with 400 and a
        message in the visitor's language, as plain text: a calendar client shows it."""
        try:
            filters = parse_event_filters(request.GET, current_language())
        except BadFilter as error:
            return HttpResponseBadRequest(
                str(error.message), content_type="text/plain; charset=utf-8"
            )
        events = feed_events(filters.apply(self.events()))
        return calendar_response(request, events, f"{self.slug}.ics", self.title)

    def calendar_url(self, request=None, query: str = ""):
        url = self.get_url(request) + "ics/"
        return f"{url}?{query}" if query else url


class EventPage(
    AsciiSlugMixin,
    FastViewRestrictionsMixin,
    RoutablePageMixin,
    HeroImageMixin,
    TopicsInLanguageMixin,
    RecurringEventMixin,
    Page,
):
    start = models.DateTimeField(
        _("start"), null=True, help_text=_("Date and time in German time (Europe/Berlin).")
    )
    end = models.DateTimeField(_("end"), null=True, help_text=_("Must be after the start."))
    all_day = models.BooleanField(
        _("all-day event"), default=False, help_text=_("Shows dates only, without times.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("A cancelled event stays listed, clearly marked."),
    )
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(
        _("venue address"), blank=True, help_text=_("Street, postcode and town.")
    )
    district = models.CharField(
        _("district"),
        max_length=30,
        choices=District.choices,
        blank=True,
        help_text=_(
            "The district (or Cottbus) where the event takes place; empty for events only "
            "online. Visitors and partner sites filter calendars by it."
        ),
    )
    online_url = models.URLField(
        _("online participation link"), blank=True, help_text=_("Needed for online events.")
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_email = models.EmailField(_("registration e-mail"), blank=True)
    registration_deadline = models.DateTimeField(
        _("registration deadline"), null=True, blank=True, help_text=_("Before the start.")
    )
    registration_on_site = models.BooleanField(
        _("registration on this website"),
        default=False,
        help_text=_(
            "People register with a form on this website and confirm by e-mail; organisers "
            "with the right permission export the list."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How many people can take part. Empty: no limit. When all places are taken, "
            "further registrations go on a waiting list and move up when someone cancels."
        ),
    )
    free_of_charge = models.BooleanField(_("free of charge"), default=True)
    teaser = models.TextField(
        _("teaser"), max_length=300, help_text=_("One or two sentences for lists and calendars.")
    )
    agenda = StreamField([("item", AgendaItemBlock())], blank=True, verbose_name=_("agenda"))
    topics = ParentalManyToManyField(
        "home.Topic", blank=True, related_name="event_pages", verbose_name=_("topics")
    )
    projects = ParentalManyToManyField(
        "projects.ProjectPage",
        blank=True,
        related_name="event_pages",
        verbose_name=_("projects"),
        help_text=_("Projects this is about; the project pages list it in return."),
    )
    related_pages = StreamField(
        [("page", RelatedPageBlock())],
        blank=True,
        verbose_name=_("related pages"),
        help_text=_("News about this event, e.g. the report afterwards."),
    )

    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []
    # The order in which a project lists the pages of this type that name it.
    naming_order = ("-start", "-pk")
    template = "news/event_page.html"

    override_translatable_fields = [SynchronizedField(name) for name in EVENT_FACT_FIELDS] + [
        SynchronizedField("topics"),
        SynchronizedField("related_pages"),
        SynchronizedField("projects"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("status"),
            ],
            heading=_("Date and status"),
            help_text=help.DATE_GROUP,
        ),
        RecurringEventMixin.recurrence_panel,
        MultiFieldPanel(
            [
                FieldPanel("attendance", help_text=help.ATTENDANCE),
                FieldPanel("venue_name", help_text=help.VENUE_NAME),
                FieldPanel("venue_address"),
                FieldPanel("district"),
                FieldPanel("online_url"),
                FieldPanel("organiser", help_text=help.ORGANISER),
            ],
            heading=_("Place"),
            help_text=help.PLACE_GROUP,
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url", help_text=help.REGISTRATION_URL),
                FieldPanel("registration_email", help_text=help.REGISTRATION_EMAIL),
                FieldPanel("registration_deadline"),
                FieldRowPanel([FieldPanel("registration_on_site"), FieldPanel("capacity")]),
                FieldPanel("free_of_charge", help_text=help.FREE_OF_CHARGE),
            ],
            heading=_("Registration"),
            help_text=help.REGISTRATION_GROUP,
        ),
        FieldPanel("teaser"),
        TopicsPanel(help_text=help.TOPICS),
        *HeroImageMixin.hero_panels,
        FieldPanel("agenda", help_text=help.AGENDA),
        FieldPanel("projects", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_pages"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("agenda"),
        index.SearchField("venue_name"),
        index.SearchField("venue_address"),
        index.FilterField("start"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # The listings' order (upcoming by start, past newest first) from an index.
        indexes = [models.Index(fields=["start", "page_ptr"], name="news_event_by_start")]

    def clean(self):
        """Rules editors understand. Runs for every save path, the translation editor's
        publish included; copes with values a field error left empty."""
        super().clean()
        errors = {}
        if self.all_day and self.start and self.end:
            self.start = local_midnight(self.start)
            self.end = local_midnight(self.end) + datetime.timedelta(days=1, seconds=-1)
        if self.start is None:
            errors["start"] = _("Please enter when the event starts.")
        if self.end is None:
            errors["end"] = _("Please enter when the event ends.")
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.registration_deadline and self.start and self.registration_deadline >= self.start:
            errors["registration_deadline"] = _(
                "The registration deadline must be before the event starts."
            )
        if self.is_online and not self.online_url:
            errors["online_url"] = _("An online event needs a link for participants.")
        for field, message in [*recurrence_errors(self).items(), *capacity_errors(self).items()]:
            errors.setdefault(field, message)
        self.series_end = series_end(self) if not errors else None
        if self.venue_name and not self.venue_address.strip():
            errors["venue_address"] = _("Please add the address of the venue.")
        if self.attendance != Attendance.ONLINE and not self.venue_name and not self.is_online:
            errors["venue_name"] = _("An event in person needs a venue.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self):
        return self.attendance != Attendance.IN_PERSON or self.status == EventStatus.MOVED_ONLINE

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    def registration_open(self, now=None) -> bool:
        """Whether the site's own form takes registrations now: asked for, not cancelled,
        neither ended nor past the deadline."""
        now = now or timezone.now()
        if not self.registration_on_site or self.is_cancelled:
            return False
        if self.end is not None and self.end < now or self.repeat:
            return False
        return self.registration_deadline is None or now < self.registration_deadline

    def projects_in_language(self) -> list:
        """The projects this page names (its German version does), live and public in this
        page's language."""
        return named_by(self, "projects", page_language(self))

    def related_items(self):
        """Related pages in this page's language, live and public; others left out."""
        return localized_stream_pages(self.related_pages, page_language(self))

    def get_context(self, request, *args, **kwargs):
        """Topics and related pages are asked for by the template, inside cached fragments
        (a fragment hit costs no query); the parent as routing found it is enough for the
        "all events" link."""
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = self.get_parent()
        now = timezone.now()
        context["is_past"] = (
            self.end is not None
            and self.end < now
            and not (self.is_recurring and (self.series_end is None or self.series_end >= now))
        )
        if self.is_recurring:
            context["upcoming_dates"] = self.upcoming_dates()
        if self.start and self.end and not context["is_past"]:  # nothing to add any more
            context["calendar_links"] = calendar_links(self, request)
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        return calendar_response(request, [self], f"{self.slug}.ics", self.title)

    def ics_url(self, request=None):
        return self.get_url(request) + "ics/"

    def structured_data(self, request):
        return event_json_ld(self, request)


def local_midnight(value: datetime.datetime) -> datetime.datetime:
    local = timezone.localtime(value, BERLIN)
    return datetime.datetime.combine(local.date(), datetime.time.min, tzinfo=BERLIN)
