"""The filters shared by the events API, the calendar feeds and the embeddable calendar:
each narrows the events as documented, and bad input is a ``BadFilter`` whose message is
in the visitor's language."""

import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone, translation

from news.event_filters import BadFilter, parse_event_filters
from news.models import EventIndexPage, EventPage
from tests.factories.events import EventPageFactory

pytestmark = pytest.mark.django_db


def parse(query: str, language="de", **kwargs):
    return parse_event_filters(QueryDict(query), language, **kwargs)


@pytest.fixture
def events():
    EventPage.objects.all().delete()
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    base = timezone.make_aware(datetime.datetime(2027, 3, 10, 10))

    def event(title, days, **fields):
        start = base + datetime.timedelta(days=days)
        return EventPageFactory(
            parent=index,
            topics=[],
            title=title,
            start=start,
            end=start + datetime.timedelta(hours=2),
            **fields,
        )

    return {
        "cottbus": event(
            "Cottbus vor Ort",
            0,
            district="cottbus",
            venue_name="Stadthalle Cottbus",
            venue_address="Berliner Platz 6\n03046 Cottbus",
        ),
        "online": event(
            "Sprechstunde",
            5,
            attendance="online",
            online_url="https://example.org/raum",
            venue_name="",
            venue_address="",
        ),
        "moved": event(
            "Verlegt",
            10,
            district="elbe-elster",
            status="moved-online",
            online_url="https://example.org/raum",
        ),
        "mixed": event(
            "Hybrid",
            20,
            district="spree-neisse",
            attendance="mixed",
            online_url="https://example.org/raum",
        ),
    }


def titles(filters):
    return {event.title for event in filters.apply(EventPage.objects.all())}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Cottbus vor Ort", "Sprechstunde", "Verlegt", "Hybrid"}),
        ("from=2027-03-15", {"Sprechstunde", "Verlegt", "Hybrid"}),
        ("to=2027-03-15", {"Cottbus vor Ort", "Sprechstunde"}),
        ("from=2027-03-15&to=2027-03-20", {"Sprechstunde", "Verlegt"}),
        ("district=cottbus", {"Cottbus vor Ort"}),
        ("place=stadthalle", {"Cottbus vor Ort"}),
        ("place=berliner platz", {"Cottbus vor Ort"}),
        ("attendance=online", {"Sprechstunde", "Verlegt", "Hybrid"}),
        ("attendance=on-site", {"Cottbus vor Ort", "Hybrid"}),
        ("status=moved-online", {"Verlegt"}),
        ("attendance=online&district=spree-neisse", {"Hybrid"}),
    ],
)
def test_each_filter_narrows_the_events(events, query, expected):
    assert titles(parse(query)) == expected


def test_topic_filter_by_the_readers_topic(events):
    from home.models import Topic

    energy = Topic.objects.get(locale__language_code="de", slug="energie-und-waerme")
    events["online"].topics.set([energy])
    events["online"].save()
    assert titles(parse("topic=energie-und-waerme")) == {"Sprechstunde"}


@pytest.mark.parametrize(
    ("query", "german", "english"),
    [
        ("from=14.03.2027", "YYYY-MM-DD", "YYYY-MM-DD"),
        ("to=2027-02-30", "2027-02-30", "2027-02-30"),
        ("from=2027-03-10&to=2027-03-01", "nicht vor", "not be before"),
        ("colour=red", "Unbekannter Filter", "Unknown filter"),
        ("district=berlin", "Unbekannter Wert", "Unknown value"),
        ("status=happening", "Unbekannter Wert", "Unknown value"),
        ("attendance=remote", "Unbekannter Wert", "Unknown value"),
        ("topic=gibt-es-nicht", "Unbekanntes Thema", "Unknown topic"),
        ("topic=%00", "Zeichen", "character"),
        ("place=" + "x" * 101, "100", "100"),
        ("district=cottbus&district=elbe-elster", "nur einmal", "only once"),
    ],
)
def test_bad_input_explains_itself_in_the_visitors_language(query, german, english):
    for language, words in (("de", german), ("en", english)):
        with translation.override(language), pytest.raises(BadFilter) as error:
            parse(query, language)
        with translation.override(language):
            assert words in str(error.value.message)


def test_query_writes_the_filters_back(events):
    filters = parse("district=cottbus&from=2027-03-01&attendance=on-site")
    assert filters.query() == "from=2027-03-01&district=cottbus&attendance=on-site"
    assert parse("page=2", also_allowed=("page",)).query() == ""
