"""The public events API (``/de/api/events/``, ``/en/api/events/``): schema.org Events of
one language, the shared filters, pagination, errors in the URL's language, CORS, the page
cache, a constant query count, and answers that match ``docs/api/events.openapi.yaml``."""

import datetime
import json
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_spec
from wagtail.models import PageViewRestriction

from home.models import Topic
from news.models import EventIndexPage, EventPage
from tests.factories.events import EventPageFactory, berlin
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db

SPEC_PATH = Path(settings.BASE_DIR) / "docs" / "api" / "events.openapi.yaml"
API = {"de": "/de/api/events/", "en": "/en/api/events/"}


def get(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response["Content-Type"] == "application/json"
    return response, json.loads(response.content)


def names(data):
    return [item["name"] for item in data["items"]]


@pytest.fixture
def topic():
    return Topic.objects.filter(locale__language_code="de", live=True).order_by("pk").first()


@pytest.fixture
def events(topic, django_capture_on_commit_callbacks):
    """Four German events, the first two also in English."""
    EventPage.objects.all().delete()
    index = EventIndexPage.objects.get(slug="veranstaltungen")

    def event(title, day, **fields):
        start = berlin(2027, 3, 10, 10) + datetime.timedelta(days=day)
        fields.setdefault("topics", [])
        return EventPageFactory(
            parent=index,
            title=title,
            start=start,
            end=start + datetime.timedelta(hours=2),
            hero_image=None,
            **fields,
        )

    made = {
        "cottbus": event(
            "Cottbus vor Ort",
            0,
            district="cottbus",
            venue_name="Stadthalle Cottbus",
            venue_address="Berliner Platz 6\n03046 Cottbus",
            topics=[topic],
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
            venue_name="Kulturhaus Forst",
            venue_address="Marktplatz 1, 03149 Forst (Lausitz)",
        ),
    }
    with django_capture_on_commit_callbacks(execute=True):
        for key in ("cottbus", "online"):
            translate_with_localize(made[key])
    return made


def test_lists_live_public_events_of_the_language_by_start(client, events):
    draft = events["mixed"]
    draft.unpublish()
    restricted = events["moved"]
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    response, data = get(client, API["de"])
    assert response.status_code == 200
    assert names(data) == ["Cottbus vor Ort", "Sprechstunde"]
    assert (data["count"], data["page"], data["pages"]) == (2, 1, 1)
    assert data["next"] is None and data["previous"] is None
    _, english = get(client, API["en"])
    assert names(english) == ["EN Cottbus vor Ort", "EN Sprechstunde"]
    assert {item["inLanguage"] for item in english["items"]} == {"en"}


def test_past_events_are_listed_too(client, events):
    past = events["online"]
    past.start, past.end = berlin(2020, 1, 1, 10), berlin(2020, 1, 1, 12)
    past.save_revision().publish()
    _, data = get(client, API["de"])
    assert names(data)[0] == "Sprechstunde"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("from=2027-03-15", ["Sprechstunde", "Verlegt", "Hybrid"]),
        ("to=2027-03-15", ["Cottbus vor Ort", "Sprechstunde"]),
        ("from=2027-03-12&to=2027-03-20", ["Sprechstunde", "Verlegt"]),
        ("district=cottbus", ["Cottbus vor Ort"]),
        ("place=forst", ["Hybrid"]),
        ("place=Berliner%20Platz", ["Cottbus vor Ort"]),
        ("attendance=online", ["Sprechstunde", "Verlegt", "Hybrid"]),
        ("attendance=on-site", ["Cottbus vor Ort", "Hybrid"]),
        ("status=moved-online", ["Verlegt"]),
        ("attendance=on-site&district=spree-neisse", ["Hybrid"]),
        ("attendance=online&from=2027-03-12&status=scheduled", ["Sprechstunde", "Hybrid"]),
        ("district=dahme-spreewald", []),
    ],
)
def test_filters(client, events, query, expected):
    response, data = get(client, f"{API['de']}?{query}")
    assert response.status_code == 200
    assert names(data) == expected
    assert data["count"] == len(expected)


def test_topic_filter_in_each_language(client, events, topic):
    _, german = get(client, f"{API['de']}?topic={topic.slug}")
    assert names(german) == ["Cottbus vor Ort"]
    english_topic = Topic.objects.get(
        translation_key=topic.translation_key, locale__language_code="en"
    )
    _, english = get(client, f"{API['en']}?topic={english_topic.slug}")
    assert names(english) == ["EN Cottbus vor Ort"]
    assert english["items"][0]["keywords"] == english_topic.name


def test_an_event_is_a_schema_org_event_joinable_across_languages(client, events):
    _, german = get(client, API["de"])
    _, english = get(client, API["en"])
    cottbus_de, online_de = german["items"][:2]
    cottbus_en = english["items"][0]
    assert cottbus_de["@context"] == "https://schema.org"
    assert cottbus_de["@type"] == "Event"
    assert (
        cottbus_de["identifier"]
        == cottbus_en["identifier"]
        == str(events["cottbus"].translation_key)
    )
    assert cottbus_de["eventStatus"] == "https://schema.org/EventScheduled"
    assert cottbus_de["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert cottbus_de["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Berliner Platz 6",
        "postalCode": "03046",
        "addressLocality": "Cottbus",
        "addressRegion": "Cottbus (kreisfreie Stadt)",
    }
    assert cottbus_en["location"]["address"]["addressRegion"] == "Cottbus (independent city)"
    assert (
        cottbus_de["url"] == "http://testserver/de/veranstaltungen/" + events["cottbus"].slug + "/"
    )
    assert cottbus_de["organizer"] == {"@type": "Organization", "name": "Testagentur"}
    assert datetime.datetime.fromisoformat(cottbus_de["startDate"]) == berlin(2027, 3, 10, 10)
    assert online_de["location"] == {"@type": "VirtualLocation", "url": "https://example.org/raum"}
    assert online_de["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    _, hybrid = get(client, f"{API['de']}?district=spree-neisse")
    place, virtual = hybrid["items"][0]["location"]
    assert place["@type"] == "Place" and place["address"]["addressRegion"] == "Spree-Neiße"
    assert virtual["@type"] == "VirtualLocation"
    _, moved = get(client, f"{API['de']}?status=moved-online")
    assert moved["items"][0]["eventStatus"] == "https://schema.org/EventMovedOnline"


def test_demo_events_have_images_and_keywords(client):
    _, data = get(client, API["de"])
    assert data["count"] >= 1
    assert any(item.get("image", {}).get("url", "").startswith("http://") for item in data["items"])
    assert any(item.get("keywords") for item in data["items"])


@pytest.fixture
def many_events(events):
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    for day in range(21):
        EventPageFactory(
            parent=index,
            district="cottbus",
            start=berlin(2028, 1, 1, 10) + datetime.timedelta(days=day),
            end=berlin(2028, 1, 1, 12) + datetime.timedelta(days=day),
            hero_image=None,
            topics=[],
        )


def test_pagination_keeps_the_filters(client, many_events):
    _, first = get(client, f"{API['de']}?district=cottbus")
    assert (first["count"], first["pages"], len(first["items"])) == (22, 2, 20)
    assert first["previous"] is None
    assert first["next"] == "http://testserver/de/api/events/?district=cottbus&page=2"
    _, second = get(client, first["next"])
    assert len(second["items"]) == 2
    assert second["next"] is None
    assert second["previous"] == "http://testserver/de/api/events/?district=cottbus&page=1"
    assert not set(names(first)) & set(names(second))


@pytest.mark.parametrize("page", ["3", "0", "-1", "abc", "1.5", "２", "9999999", "1%00"])
def test_bad_page_numbers_are_a_json_404(client, many_events, page):
    response, data = get(client, f"{API['de']}?page={page}")
    assert response.status_code == 404
    assert data["error"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_page_beyond_the_last_says_so_in_the_urls_language(client, events):
    _, german = get(client, f"{API['de']}?page=2")
    _, english = get(client, f"{API['en']}?page=2")
    assert german == {"error": "Es gibt keine Seite 2; die letzte ist 1."}
    assert english == {"error": "There is no page 2; the last is 1."}


@pytest.mark.parametrize(
    ("query", "german", "english"),
    [
        ("district=mars", "Unbekannter Wert „mars“", "Unknown value “mars”"),
        ("distrikt=cottbus", "Unbekannter Filter „distrikt“", "Unknown filter “distrikt”"),
        ("from=2027-02-30", "„from“ muss ein Datum", "“from” must be a date"),
        ("topic=nichts", "Unbekanntes Thema", "Unknown topic"),
        ("place=a%00b", "„place“ enthält", "“place” contains"),
        ("status=scheduled&status=cancelled", "„status“ darf nur einmal", "“status” may be"),
    ],
)
def test_bad_filters_are_a_400_in_the_urls_language(client, events, query, german, english):
    for language, expected in (("de", german), ("en", english)):
        response, data = get(client, f"{API[language]}?{query}")
        assert response.status_code == 400
        assert list(data) == ["error"]
        assert data["error"].startswith(expected), data["error"]
        assert response["Access-Control-Allow-Origin"] == "*"


def test_cors_for_anyone_without_credentials_or_cookies(client, events, page_cache):
    for _ in range(2):  # the miss and the hit
        response = client.get(API["de"])
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
        assert not response.cookies
        assert "Set-Cookie" not in response
    preflight = client.options(
        API["de"],
        headers={"Origin": "https://partner.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert set(preflight["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert not preflight.cookies
    head = client.head(API["de"])
    assert head.status_code == 200 and head["Access-Control-Allow-Origin"] == "*"
    post = client.post(API["de"])
    assert post.status_code == 405 and "GET" in post["Allow"]


def test_answers_are_page_cached_and_die_with_the_generation(client, events, page_cache):
    first = client.get(f"{API['de']}?district=cottbus")
    assert first["X-Cache"] == "MISS"
    with CaptureQueriesContext(connection) as queries:
        hit = client.get(f"{API['de']}?district=cottbus")
    assert hit["X-Cache"] == "HIT"
    assert len(queries) == 0
    assert hit.content == first.content
    assert "public" in hit["Cache-Control"]
    event = events["cottbus"]
    event.title = "Cottbus vor Ort, neu"
    event.save_revision().publish()
    fresh, data = get(client, f"{API['de']}?district=cottbus")
    assert fresh["X-Cache"] == "MISS"
    assert names(data) == ["Cottbus vor Ort, neu"]


def test_a_parameter_outside_the_key_is_never_answered_from_the_cache(client, events, page_cache):
    assert client.get(API["de"])["X-Cache"] == "MISS"
    response = client.get(f"{API['de']}?distrikt=cottbus")
    assert response.status_code == 400
    assert response["X-Cache"] == "BYPASS"


def test_errors_are_not_cached(client, events, page_cache):
    for _ in range(2):
        response = client.get(f"{API['de']}?district=mars")
        assert (response.status_code, response["X-Cache"]) == (400, "BYPASS")


def test_query_count_does_not_grow_with_events(client, add_translated_event):
    """1 event and 20, each with image, topics and an English translation: the same count."""
    EventPage.objects.all().delete()
    add = add_translated_event

    def count(url):
        client.get(url)  # renditions, site root paths, locales
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), json.loads(response.content)

    add()
    one = {language: count(url) for language, url in API.items()}
    for _ in range(19):
        add()
    full = {language: count(url) for language, url in API.items()}
    for language in API:
        assert len(one[language][1]["items"]) == 1
        assert len(full[language][1]["items"]) == 20
        assert all("image" in item and item["keywords"] for item in full[language][1]["items"])
        assert full[language][0] == one[language][0] <= 8


@pytest.fixture(scope="module")
def spec():
    return yaml.safe_load(SPEC_PATH.read_text())


def test_the_openapi_description_is_valid(spec):
    validate_spec(spec)
    assert "/{language}/api/events/" in spec["paths"]


def assert_matches_spec(spec, response):
    """The answer's status is described, and its body matches that status's schema."""
    responses = spec["paths"]["/{language}/api/events/"]["get"]["responses"]
    described = responses[str(response.status_code)]
    schema = described["content"]["application/json"]["schema"]
    validator = OAS31Validator(
        {**schema, "components": spec["components"]}, format_checker=OAS31Validator.FORMAT_CHECKER
    )
    validator.validate(json.loads(response.content))


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("", 200),
        ("district=spree-neisse", 200),
        ("attendance=online&from=2027-03-01&to=2027-12-31", 200),
        ("status=moved-online", 200),
        ("place=cottbus&page=1", 200),
        ("district=mars", 400),
        ("from=tomorrow", 400),
        ("page=7", 404),
    ],
)
def test_real_answers_match_the_openapi_description(client, events, spec, language, query, status):
    response = client.get(f"{API[language]}?{query}")
    assert response.status_code == status
    assert_matches_spec(spec, response)


@pytest.mark.parametrize("language", ["de", "en"])
def test_demo_answers_match_the_openapi_description(client, spec, language):
    """The demo events: images, keywords, offers, registration deadlines, and the monthly
    consultation hour's ``eventSchedule`` (a repeating event, issue 29)."""
    response = client.get(API[language])
    assert response.status_code == 200
    assert_matches_spec(spec, response)
    schedules = [
        item["eventSchedule"] for item in response.json()["items"] if "eventSchedule" in item
    ]
    assert len(schedules) == 1 and schedules[0]["exceptDate"]


def test_the_event_index_links_the_api(client):
    german = client.get("/de/veranstaltungen/").content.decode()
    english = client.get("/en/events/").content.decode()
    assert 'href="/de/api/events/"' in german and "Offene Daten" in german
    assert 'href="/en/api/events/"' in english and "Open data" in english
