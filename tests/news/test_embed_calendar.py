"""The embeddable events calendar (``/de/embed/events/``, ``/en/embed/events/``): upcoming
events only, the shared filters and ``limit``, 400 pages in the URL's language, the one
route other origins may frame, no script, no cookie, the page cache, a constant query
count; and the editors' embed code builder in the admin."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import Topic
from home.translation.roles import EDITORS, setup_roles
from news.models import EventIndexPage, EventPage
from tests.factories.events import EventPageFactory, berlin
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db

EMBED = {"de": "/de/embed/events/", "en": "/en/embed/events/"}
BUILDER = "/admin/news/embed/"


def titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<h2 class="embed-event__title"><a [^>]*>([^<]*)<', html)


def directives(header: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in header.split(";"))}


@pytest.fixture
def topic():
    return Topic.objects.filter(locale__language_code="de", live=True).order_by("pk").first()


@pytest.fixture
def events(topic, django_capture_on_commit_callbacks):
    """Four future German events (the first two also in English) and one past one."""
    EventPage.objects.all().delete()
    index = EventIndexPage.objects.get(slug="veranstaltungen")

    def event(title, start, **fields):
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
            "Cottbus vor Ort", berlin(2030, 3, 10, 10), district="cottbus", topics=[topic]
        ),
        "online": event(
            "Sprechstunde",
            berlin(2030, 3, 15, 16),
            attendance="online",
            online_url="https://example.org/raum",
            venue_name="",
            venue_address="",
        ),
        "cancelled": event(
            "Abgesagte Exkursion",
            berlin(2030, 3, 20, 9),
            district="elbe-elster",
            status="cancelled",
        ),
        "moved": event(
            "Verlegt",
            berlin(2030, 3, 25, 9),
            status="moved-online",
            online_url="https://example.org/raum",
        ),
        "past": event("Vorbei", berlin(2020, 1, 1, 10), district="cottbus"),
    }
    with django_capture_on_commit_callbacks(execute=True):
        for key in ("cottbus", "online"):
            translate_with_localize(made[key])
    return made


def test_lists_upcoming_events_of_the_language_by_start(client, events):
    german = client.get(EMBED["de"])
    assert german.status_code == 200
    assert titles(german) == ["Cottbus vor Ort", "Sprechstunde", "Abgesagte Exkursion", "Verlegt"]
    english = client.get(EMBED["en"])
    assert titles(english) == ["EN Cottbus vor Ort", "EN Sprechstunde"]
    assert '<html lang="en">' in english.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("district=cottbus", ["Cottbus vor Ort"]),
        ("attendance=online", ["Sprechstunde", "Verlegt"]),
        ("status=cancelled", ["Abgesagte Exkursion"]),
        ("from=2030-03-14&to=2030-03-21", ["Sprechstunde", "Abgesagte Exkursion"]),
        ("place=nirgendwo", []),
    ],
)
def test_filters_narrow_the_list(client, events, query, expected):
    response = client.get(f"{EMBED['de']}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_topic_filter_uses_the_topic_of_the_urls_language(client, events, topic):
    assert titles(client.get(f"{EMBED['de']}?topic={topic.slug}")) == ["Cottbus vor Ort"]
    english_topic = topic.get_translation(Locale.objects.get(language_code="en"))
    assert titles(client.get(f"{EMBED['en']}?topic={english_topic.slug}")) == ["EN Cottbus vor Ort"]


def test_limit_defaults_to_five_and_may_be_one_to_twenty(client, events):
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    for day in range(3):
        EventPageFactory(parent=index, start=berlin(2031, 1, 1 + day, 10), hero_image=None)
    assert len(titles(client.get(EMBED["de"]))) == 5
    assert titles(client.get(f"{EMBED['de']}?limit=2")) == ["Cottbus vor Ort", "Sprechstunde"]
    assert len(titles(client.get(f"{EMBED['de']}?limit=20"))) == 7


def test_past_events_are_never_listed_even_when_from_asks_for_them(client, events):
    response = client.get(f"{EMBED['de']}?from=2019-01-01&district=cottbus")
    assert titles(response) == ["Cottbus vor Ort"]
    assert titles(client.get(f"{EMBED['de']}?to=2021-01-01")) == []


def test_each_event_links_to_its_page_in_a_new_window_with_status_and_place(client, events):
    html = client.get(EMBED["de"]).content.decode()
    url = events["cottbus"].get_full_url()
    assert f'<a href="{url}" target="_blank" rel="noopener">Cottbus vor Ort' in html
    assert html.count("(öffnet in neuem Fenster)") == 5  # four events and "all events"
    assert '<strong class="status status--cancelled">Abgesagt</strong>' in html
    assert "Findet online statt" in html
    assert '<p class="embed-event__where">Online</p>' in html
    assert "10. März 2030, 10:00" in html and "Uhr" in html
    index_url = EventIndexPage.objects.get(slug="veranstaltungen").get_full_url()
    assert f'<a href="{index_url}" target="_blank" rel="noopener">Alle Veranstaltungen' in html


def test_nothing_to_show_says_so(client, events):
    html = client.get(f"{EMBED['en']}?district=spree-neisse").content.decode()
    assert "There are no upcoming events that match this selection." in html
    assert "<ul" not in html


def test_the_embed_is_not_indexed_and_names_the_event_index_as_canonical(client, events):
    html = client.get(EMBED["de"]).content.decode()
    index_url = EventIndexPage.objects.get(slug="veranstaltungen").get_full_url()
    assert '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="{index_url}">' in html


@pytest.mark.parametrize(
    ("query", "german", "english"),
    [
        ("distrikt=cottbus", "Unbekannter Filter „distrikt“", "Unknown filter “distrikt”"),
        ("from=2030-02-30", "„from“ muss ein Datum", "“from” must be a date"),
        ("limit=0", "„limit“ muss eine ganze Zahl von 1 bis 20", "“limit” must be a whole number"),
        ("limit=21", "„limit“ muss eine ganze Zahl", "“limit” must be a whole number"),
        ("limit=zwei", "„limit“ muss eine ganze Zahl", "“limit” must be a whole number"),
        ("limit=2&limit=3", "„limit“ darf nur einmal", "“limit” may be given only once"),
    ],
)
def test_bad_input_is_a_small_400_page_in_the_urls_language(client, events, query, german, english):
    for language, expected, heading in (
        ("de", german, "Der Kalender kann nicht angezeigt werden"),
        ("en", english, "The calendar cannot be shown"),
    ):
        response = client.get(f"{EMBED[language]}?{query}")
        assert response.status_code == 400
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        assert f'<h1 class="embed__title">{heading}</h1>' in html
        assert expected in html.replace("&lt;", "<"), html
        assert "<script" not in html


def test_only_the_embed_may_be_framed_by_other_origins(client, events, settings):
    settings.PORTAL_EMBED_FRAME_ANCESTORS = ["https:", "'self'", "http://127.0.0.1:*"]
    response = client.get(EMBED["de"])
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["https:", "'self'", "http://127.0.0.1:*"]
    assert policy["script-src"] == ["'none'"]
    assert policy["style-src"] == ["'self'"]
    assert "X-Frame-Options" not in response
    for url in ("/de/", "/de/veranstaltungen/", "/de/api/events/", "/en/events/"):
        other = client.get(url)
        assert directives(other["Content-Security-Policy"])["frame-ancestors"] == ["'self'"], url
        assert other["X-Frame-Options"] == "SAMEORIGIN", url


def test_the_default_ancestors_are_https_sites_and_the_portal(client, events):
    policy = directives(client.get(EMBED["en"])["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["https:", "'self'"]


def test_no_script_no_cookie_no_session(client, events, page_cache):
    for _ in range(2):  # the miss and the hit
        response = client.get(EMBED["de"])
        html = response.content.decode()
        assert "<script" not in html and " style=" not in html
        assert not response.cookies and "Set-Cookie" not in response
        assert "cookie" not in response.get("Vary", "").lower()
        assert "csrfmiddlewaretoken" not in html
        assert "X-Frame-Options" not in response
        assert "public" in response["Cache-Control"]
    assert response["X-Cache"] == "HIT"
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["https:", "'self'"]


def test_answers_are_page_cached_per_filter_and_die_with_the_generation(client, events, page_cache):
    assert client.get(f"{EMBED['de']}?district=cottbus")["X-Cache"] == "MISS"
    with CaptureQueriesContext(connection) as queries:
        hit = client.get(f"{EMBED['de']}?district=cottbus")
    assert (hit["X-Cache"], len(queries)) == ("HIT", 0)
    other = client.get(f"{EMBED['de']}?district=elbe-elster")
    assert other["X-Cache"] == "MISS"
    assert titles(other) == ["Abgesagte Exkursion"]
    assert client.get(f"{EMBED['de']}?district=cottbus&limit=1")["X-Cache"] == "MISS"
    event = events["cottbus"]
    event.title = "Cottbus vor Ort, neu"
    event.save_revision().publish()
    fresh = client.get(f"{EMBED['de']}?district=cottbus")
    assert fresh["X-Cache"] == "MISS"
    assert titles(fresh) == ["Cottbus vor Ort, neu"]


def test_an_unknown_parameter_is_never_answered_from_the_cache(client, events, page_cache):
    assert client.get(EMBED["de"])["X-Cache"] == "MISS"
    assert client.get(EMBED["de"])["X-Cache"] == "HIT"
    response = client.get(f"{EMBED['de']}?utm_source=partner")
    assert (response.status_code, response["X-Cache"]) == (400, "BYPASS")
    again = client.get(f"{EMBED['de']}?limit=x")
    assert (again.status_code, again["X-Cache"]) == (400, "BYPASS")


def test_query_count_does_not_grow_with_events(client, add_translated_event):
    """1 event and 5 (the default limit), each with image, topics and a translation."""
    EventPage.objects.all().delete()
    add = add_translated_event

    def count(url):
        client.get(url)  # site root paths, locales
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), len(titles(response))

    add()
    one = {language: count(url) for language, url in EMBED.items()}
    for _ in range(4):
        add()
    full = {language: count(url) for language, url in EMBED.items()}
    for language in EMBED:
        assert (one[language][1], full[language][1]) == (1, 5)
        assert full[language][0] == one[language][0]


# --- The embed code builder ------------------------------------------------------------


@pytest.fixture
def editor(django_user_model):
    setup_roles()
    user = django_user_model.objects.create_user("redakteurin", "r@example.org", "pw")
    user.groups.set(Group.objects.filter(name=EDITORS))
    client = Client()
    client.force_login(user)
    return client


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(BUILDER)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editors_who_may_create_events_find_the_builder_in_the_menu(editor):
    assert "Kalender einbetten" in editor.get("/admin/").content.decode()
    response = editor.get(BUILDER)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Code für die Partnerseite" in html
    assert 'src="/de/embed/events/"' in html  # the preview, same origin


def test_admin_users_without_event_permissions_are_refused(django_user_model):
    user = django_user_model.objects.create_user("leser", "l@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)
    assert "Kalender einbetten" not in client.get("/admin/").content.decode()
    response = client.get(BUILDER)
    assert response.status_code == 302 and "news/embed" not in response["Location"]


def test_the_code_holds_the_calendar_address_for_the_chosen_filters(editor, topic):
    english_topic = topic.get_translation(Locale.objects.get(language_code="en"))
    response = editor.get(
        BUILDER,
        {
            "language": "en",
            "topic": english_topic.slug,
            "district": "cottbus",
            "attendance": "online",
            "status": "",
            "limit": "3",
            "height": "420",
        },
    )
    code = response.context["code"]
    url = f"http://testserver/en/embed/events/?topic={english_topic.slug}&district=cottbus&attendance=online&limit=3"
    assert code == (
        f'<iframe src="{url.replace("&", "&amp;")}" title="Events of the Lausitz-Portal" '
        'width="100%" height="420" loading="lazy" style="border:0"></iframe>'
    )
    assert response.context["preview_url"] == url.removeprefix("http://testserver")
    # Shown as text: the textarea holds the escaped code, never a live element.
    assert "&lt;iframe src=&quot;http://testserver/en/embed/events/?" in response.content.decode()
    # The address the builder writes is one the calendar answers.
    assert Client().get(response.context["preview_url"]).status_code == 200


def test_the_default_limit_is_left_out_and_the_title_is_german_for_german(editor):
    response = editor.get(BUILDER, {"language": "de", "limit": "5", "height": "500"})
    assert response.context["code"] == (
        '<iframe src="http://testserver/de/embed/events/" title="Veranstaltungen im '
        'Lausitz-Portal" width="100%" height="500" loading="lazy" style="border:0"></iframe>'
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [("limit", "50"), ("height", "10"), ("district", "mars"), ("topic", "energie-und-waerme")],
)
def test_invalid_choices_are_field_errors_and_no_code(editor, field, value):
    params = {"language": "en", "limit": "5", "height": "500", field: value}
    response = editor.get(BUILDER, params)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "code" not in response.context
    html = response.content.decode()
    assert re.search(rf'name="{field}"[^>]*aria-invalid="true"', html)
    assert 'class="error-message"' in html


def test_a_repeating_event_is_listed_once_by_its_next_date(client, events):
    """A monthly series that began in 2025 and has no end comes before the 2030 events
    (its next date is weeks away), once, with that date and the repeat hint; in a week
    without one of its dates it is left out."""
    series = EventPageFactory(
        parent=EventIndexPage.objects.get(slug="veranstaltungen"),
        title="Monatliche Sprechstunde",
        start=berlin(2025, 1, 7, 16),
        end=berlin(2025, 1, 7, 17),
        repeat="monthly-weekday",
        hero_image=None,
        topics=[],
    )
    series.save_revision().publish()
    series.refresh_from_db()
    response = client.get(EMBED["de"] + "?limit=3")
    assert titles(response) == ["Monatliche Sprechstunde", "Cottbus vor Ort", "Sprechstunde"]
    html = response.content.decode()
    next_start = series.next_date().start.astimezone(berlin(2025, 1, 1, 0).tzinfo)
    assert f'datetime="{next_start.isoformat()}"' in html
    assert 'class="embed-event__repeat"' in html
    week = client.get(EMBED["de"] + "?from=2030-03-14&to=2030-03-21")
    assert "Monatliche Sprechstunde" not in titles(week)
