"""Campaign and film pages in German and English: tree rules, players, topics, related pages,
structured data, video sitemap, click-to-load markup and constant listing queries."""

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from campaign.models import CampaignPage, FilmPage, FilmPageRelatedPage
from home.models import HomePage, StandardPage, Topic
from tests.helpers import sitemap_files

FILM_DE = "/de/krasse-gegend/hier-waechst-was/"
FILM_EN = "/en/krasse-gegend/something-is-growing-here/"
EXTERNAL_DE = "/de/krasse-gegend/stimmen-aus-der-region/"
EXTERNAL_EN = "/en/krasse-gegend/voices-from-the-region/"
VIDEO_NS = "{http://www.google.com/schemas/sitemap-video/1.1}"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class CampaignTreeRules(WagtailPageTestCase):
    def test_campaign_page_lives_under_a_home_page_and_holds_film_pages(self):
        self.assertAllowedParentPageTypes(CampaignPage, {HomePage})
        self.assertAllowedSubpageTypes(CampaignPage, {FilmPage})

    def test_film_page_lives_under_the_campaign_and_has_no_children(self):
        self.assertAllowedParentPageTypes(FilmPage, {CampaignPage})
        self.assertAllowedSubpageTypes(FilmPage, set())

    def test_what_editors_cannot_build(self):
        self.assertCanCreateAt(HomePage, CampaignPage)
        self.assertCanCreateAt(CampaignPage, FilmPage)
        self.assertCanNotCreateAt(HomePage, FilmPage)
        self.assertCanNotCreateAt(StandardPage, CampaignPage)
        self.assertCanNotCreateAt(StandardPage, FilmPage)
        self.assertCanNotCreateAt(CampaignPage, CampaignPage)
        self.assertCanNotCreateAt(CampaignPage, StandardPage)
        self.assertCanNotCreateAt(FilmPage, FilmPage)
        self.assertCanNotCreateAt(Page, CampaignPage)


pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", ["de", "en"])
def test_campaign_page_shows_claim_and_film_grid(client, language):
    html = soup(client, f"/{language}/krasse-gegend/")
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True) == "Die Lausitz. Krasse Gegend."
    links = [a["href"] for a in html.select(".film-tiles a")]
    expected = {"de": [FILM_DE, EXTERNAL_DE], "en": [FILM_EN, EXTERNAL_EN]}[language]
    assert links == expected


@pytest.mark.parametrize("url,language", [(FILM_DE, "de"), (FILM_EN, "en")])
def test_film_page_plays_the_film_with_the_page_languages_captions(client, url, language):
    html = soup(client, url)
    video = html.find("video")
    assert video.has_attr("controls") and video["preload"] == "none"
    assert video["poster"].endswith(".jpg")
    assert [s["type"] for s in video.find_all("source")] == ["video/mp4"]
    assert video.source["src"].startswith("/media/films/")
    tracks = {t["srclang"]: t for t in video.find_all("track")}
    assert set(tracks) == {code for code, _name in settings.LANGUAGES}
    assert [code for code, t in tracks.items() if t.has_attr("default")] == [language]
    transcript = html.select_one("details.film__transcript")
    assert (
        transcript.summary.get_text(strip=True)
        == {"de": "Transkript", "en": "Transcript"}[language]
    )
    statement = html.select_one(".film__audio-description").get_text(" ", strip=True)
    assert {"de": "Audiodeskription", "en": "Audio description"}[language] in statement


@pytest.mark.parametrize("url,language", [(EXTERNAL_DE, "de"), (EXTERNAL_EN, "en")])
def test_external_film_is_a_local_poster_and_a_link_until_clicked(client, url, language):
    response = client.get(url)
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("iframe") is None
    embed = html.select_one("[data-film-embed]")
    assert embed["data-embed-url"].startswith("https://www.youtube-nocookie.com/embed/")
    link = embed.select_one("a[data-film-play]")
    assert link["href"] == "https://www.youtube.com/watch?v=LausitzDemo"
    assert embed.img["src"].startswith("/media/images/")
    assert "YouTube" in embed.select_one(".film__notice").get_text()
    scripts = html.find_all("script")
    assert all(s.get("src") or s.get("type") == "application/ld+json" for s in scripts)
    assert any(s.get("src", "").endswith("js/film-embed.js") for s in scripts)
    assert not html.select("[style]"), "no inline styles (strict CSP)"
    # Nothing on the page points the browser at another host before the click.
    for tag, attribute in (
        ("img", "src"),
        ("source", "srcset"),
        ("script", "src"),
        ("link", "href"),
    ):
        for element in html.find_all(tag):
            value = element.get(attribute) or ""
            assert not value.startswith(("http://", "https://", "//")) or "testserver" in value


@pytest.mark.parametrize("url,language", [(FILM_DE, "de"), (FILM_EN, "en"), (EXTERNAL_EN, "en")])
def test_film_page_carries_video_object_json_ld(client, url, language):
    html = soup(client, url)
    (script,) = html.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "VideoObject" and data["@context"] == "https://schema.org"
    for field in ("name", "description", "thumbnailUrl", "uploadDate", "transcript"):
        assert data[field], field
    assert data["inLanguage"] == language
    assert data["duration"].startswith("PT") and data["duration"].endswith("S")
    assert data["thumbnailUrl"][0].startswith("http://testserver/media/images/")
    if url in (FILM_DE, FILM_EN):
        assert data["contentUrl"].startswith("http://testserver/media/films/")
    else:
        assert data["embedUrl"].startswith("https://www.youtube-nocookie.com/embed/")
    assert data["name"] == html.select_one(".film__title").get_text(strip=True)


def test_sitemap_lists_every_language_with_video_entries(client):
    entries = {
        url.findtext(f"{SITEMAP_NS}loc"): url.find(f"{VIDEO_NS}video")
        for body in sitemap_files(client).values()
        for url in ET.fromstring(body).iter(f"{SITEMAP_NS}url")
    }
    for path in (FILM_DE, FILM_EN, EXTERNAL_DE, EXTERNAL_EN):
        video = entries[f"http://testserver{path}"]
        assert video is not None, path
        for field in ("thumbnail_loc", "title", "description", "duration", "publication_date"):
            assert video.findtext(f"{VIDEO_NS}{field}"), (path, field)
    english = entries[f"http://testserver{FILM_EN}"]
    assert english.findtext(f"{VIDEO_NS}title") == "Something is growing here"
    assert english.findtext(f"{VIDEO_NS}content_loc").endswith(".mp4")
    external = entries[f"http://testserver{EXTERNAL_DE}"]
    assert "youtube-nocookie.com" in external.findtext(f"{VIDEO_NS}player_loc")
    assert entries["http://testserver/de/krasse-gegend/"] is None


def test_topics_are_shown_as_the_current_languages_live_topics(client):
    german = soup(client, FILM_DE).select(".topic-list li")
    english = soup(client, FILM_EN).select(".topic-list li")
    assert [li.get_text() for li in german] == ["Kampagne", "Strukturwandel"]
    assert [li.get_text() for li in english] == ["Campaign", "Structural change"]
    Topic.objects.filter(locale__language_code="en", name="Campaign").update(live=False)
    english = soup(client, FILM_EN).select(".topic-list li")
    assert [li.get_text() for li in english] == ["Structural change"]


def test_related_pages_resolve_to_the_current_language(client):
    german_page = FilmPage.objects.get(url_path__endswith="/krasse-gegend/hier-waechst-was/")
    impressum = StandardPage.objects.get(slug="impressum")
    english_page = FilmPage.objects.get(
        locale__language_code="en", slug="something-is-growing-here"
    )
    for page in (german_page, english_page):  # wagtail-localize copies the German reference
        FilmPageRelatedPage.objects.create(page=page, target=impressum)
    assert [a["href"] for a in soup(client, FILM_DE).select("#film-related-heading + ul a")] == [
        "/de/impressum/"
    ]
    assert [a["href"] for a in soup(client, FILM_EN).select("#film-related-heading + ul a")] == [
        "/en/legal-notice/"
    ]


@pytest.mark.parametrize("language", ["de", "en"])
def test_home_page_teases_the_campaign(client, language):
    html = soup(client, f"/{language}/")
    teaser = html.select_one(".campaign-band")
    assert teaser.h2.a["href"] == f"/{language}/krasse-gegend/"
    assert len(teaser.select(".film-tile")) == 2
