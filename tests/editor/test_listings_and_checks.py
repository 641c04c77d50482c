"""Admin listings (news, events, films) filter and show what editors look for; the page
editor carries the portal's accessibility checks."""

import datetime
import json
import re
from html import unescape

import pytest
from wagtail.models import Locale

from home.models import Film, FilmCaptionTrack, FilmSource, Topic
from news.models import EventIndexPage, NewsIndexPage
from tests.factories.events import EventPageFactory, berlin
from tests.factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db


def listing(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def articles():
    index = NewsIndexPage.objects.get(slug="aktuelles")
    german = Locale.objects.get(language_code="de")
    energy = Topic.objects.get(locale=german, slug="energie-und-waerme")
    economy = Topic.objects.get(locale=german, slug="wirtschaft")
    press = NewsPageFactory(
        parent=index,
        title="Pressemitteilung Eins",
        kind="press-release",
        date=datetime.date(2031, 3, 1),
        topics=[energy],
    )
    news = NewsPageFactory(
        parent=index,
        title="Meldung Zwei",
        kind="news",
        date=datetime.date(2031, 5, 1),
        topics=[economy],
    )
    return press, news, energy


def test_news_listing_filters_by_kind(editor, articles):
    html = listing(editor, "/admin/news_articles/?kind=press-release")
    assert "Pressemitteilung Eins" in html and "Meldung Zwei" not in html
    assert "Pressemitteilung" in html  # the kind column, in German


def test_news_listing_filters_by_topic(editor, articles):
    _press, _news, energy = articles
    html = listing(editor, f"/admin/news_articles/?topics={energy.pk}")
    assert "Pressemitteilung Eins" in html and "Meldung Zwei" not in html


def test_news_listing_filters_by_date(editor, articles):
    html = listing(editor, "/admin/news_articles/?date_from=2031-04-01&date_to=2031-06-01")
    assert "Meldung Zwei" in html and "Pressemitteilung Eins" not in html


def test_news_listing_answers_bad_filter_values_without_an_error(editor, articles):
    for query in ("kind=nonsense", "topics=abc", "date_from=kein-datum", "topics=999999"):
        response = editor.get(f"/admin/news_articles/?{query}")
        assert response.status_code == 200, query


def test_event_listing_filters_by_status_and_date(editor):
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    EventPageFactory(
        parent=index,
        title="Abgesagt im März",
        status="cancelled",
        start=berlin(2031, 3, 1, 10),
        end=berlin(2031, 3, 1, 12),
    )
    EventPageFactory(
        parent=index,
        title="Geplant im Mai",
        status="scheduled",
        start=berlin(2031, 5, 1, 10),
        end=berlin(2031, 5, 1, 12),
    )
    html = listing(editor, "/admin/events/?status=cancelled")
    assert "Abgesagt im März" in html and "Geplant im Mai" not in html
    html = listing(editor, "/admin/events/?start_from=2031-04-01&start_to=2031-06-01")
    assert "Geplant im Mai" in html and "Abgesagt im März" not in html


def test_translator_sees_no_german_pages_in_the_listings(translator, articles):
    html = listing(translator, "/admin/news_articles/")
    assert "Pressemitteilung Eins" not in html


def test_film_library_shows_versions_and_captions_at_a_glance(editor):
    html = unescape(listing(editor, "/admin/snippets/home/film/?locale=de"))
    assert "Deutsch (MP4)" in html  # the demo's self-hosted film
    assert "Englisch: Untertitel für Hörgeschädigte" in html
    assert "YouTube (Deutsch)" in html  # the demo's external film
    assert "auf der Videoplattform (geprüft)" in html
    external = Film.objects.get(locale__language_code="de", sources__external_url__contains="you")
    Film.objects.filter(pk=external.pk).update(host_captions_confirmed=False)
    assert "auf der Videoplattform (noch nicht geprüft)" in unescape(
        listing(editor, "/admin/snippets/home/film/?locale=de")
    )


def test_film_library_columns_cost_one_query_each_however_many_films(editor):
    """The versions and captions columns read prefetched rows. (wagtail-localize's own
    "Translate" button still asks two small questions per row; that is the library's.)"""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def child_queries():
        with CaptureQueriesContext(connection) as captured:
            listing(editor, "/admin/snippets/home/film/?locale=de")
        sqls = [q["sql"] for q in captured.captured_queries]
        return [
            sum('FROM "home_filmsource"' in sql for sql in sqls),
            sum('FROM "home_filmcaptiontrack"' in sql for sql in sqls),
            sum(
                'FROM "wagtailcore_locale" WHERE "wagtailcore_locale"."id" =' in sql for sql in sqls
            ),
        ]

    before = child_queries()
    german = Locale.objects.get(language_code="de")
    for number in range(5):
        film = Film(
            locale=german,
            title=f"Weiterer Film {number}",
            description="x",
            duration=1,
            transcript="x",
            live=False,
        )
        film.sources = [FilmSource(language="de", external_url=f"https://vimeo.com/{number + 1}")]
        film.caption_tracks = [FilmCaptionTrack(language="de", file="films/captions/x.vtt")]
        film.save()
    assert child_queries() == before == [1, 1, 0]


def axe_configuration(html):
    match = re.search(
        r'<script id="checker-axe-configuration" type="application/json">'
        r"(.*?)</script>",
        html,
        re.S,
    )
    assert match, "no checker configuration in the page"
    return json.loads(match.group(1))


def test_page_editor_runs_the_portal_accessibility_checks_in_german(editor):
    from news.models import NewsPage

    page = NewsPage.objects.filter(locale__language_code="de").first()
    html = listing(editor, f"/admin/pages/{page.pk}/edit/")
    config = axe_configuration(html)
    rules = config["options"]["runOnly"]
    for rule in ("image-alt", "alt-text-quality", "heading-order", "link-name", "video-caption"):
        assert rule in rules
    assert config["messages"]["image-alt"]["error_name"] == "Bild ohne Alternativtext"
    assert config["messages"]["heading-order"]["error_name"]  # Wagtail's own, translated
