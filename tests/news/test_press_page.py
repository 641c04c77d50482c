"""The press page ("Presse"): its place in the tree, the press releases it lists and their
filters, its contacts, its links from the news pages, the sitemap and its query count."""

import datetime

import pytest
from wagtail.models import Page

from home.models import HomePage, Topic
from news.models import NewsPage, PressContact, PressPage
from news.models.articles import NewsKind
from tests.factories.news import NewsPageFactory
from tests.helpers import add_full_article, count_queries, hreflangs, sitemap_text

pytestmark = pytest.mark.django_db

DE, EN = "/de/presse/", "/en/press/"


@pytest.fixture
def press_de(db):
    return PressPage.objects.get(slug="presse")


def release(index, title, date, topics=(), kind=NewsKind.PRESS_RELEASE, **fields):
    return NewsPageFactory(
        parent=index, title=title, date=date, kind=kind, topics=list(topics), **fields
    )


def listed_titles(response) -> list[str]:
    return [article.title for article in response.context["releases"]]


def test_one_press_page_per_home_page_and_nothing_below_it(home_de, press_de):
    assert PressPage.allowed_parent_page_models() == [HomePage]
    assert "news.PressPage" in HomePage.subpage_types
    assert not PressPage.can_create_at(home_de)  # max_count_per_parent = 1
    assert PressPage.allowed_subpage_models() == []


@pytest.mark.parametrize("url", [DE, EN])
def test_the_demo_press_page_answers_in_both_languages(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies


def test_lists_live_press_releases_of_its_language_newest_first(client, news_index_de):
    NewsPage.objects.all().delete()
    release(news_index_de, "Ältere Mitteilung", datetime.date(2025, 3, 1))
    release(news_index_de, "Neuere Mitteilung", datetime.date(2025, 6, 1))
    release(news_index_de, "Nur eine Nachricht", datetime.date(2025, 7, 1), kind=NewsKind.NEWS)
    draft = release(news_index_de, "Entwurf", datetime.date(2025, 8, 1))
    draft.unpublish()
    assert listed_titles(client.get(DE)) == ["Neuere Mitteilung", "Ältere Mitteilung"]
    assert listed_titles(client.get(EN)) == []  # no English press release yet


def test_english_page_lists_the_english_press_releases(client, press_release_de):
    response = client.get(EN)
    english = press_release_de.get_translations().get()
    assert english.title in listed_titles(response)
    assert press_release_de.title not in listed_titles(response)
    html = response.content.decode()
    assert english.url in html
    assert '<h2 id="press-releases-heading">Press releases</h2>' in html


def test_topic_and_year_filters_combine(client, news_index_de):
    NewsPage.objects.all().delete()
    energy = Topic.objects.get(slug="energie-und-waerme", locale__language_code="de")
    economy = Topic.objects.get(slug="wirtschaft", locale__language_code="de")
    release(news_index_de, "Energie 2024", datetime.date(2024, 5, 1), [energy])
    release(news_index_de, "Energie 2025", datetime.date(2025, 5, 1), [energy])
    release(news_index_de, "Wirtschaft 2025", datetime.date(2025, 6, 1), [economy])
    assert listed_titles(client.get(DE, {"year": "2025"})) == ["Wirtschaft 2025", "Energie 2025"]
    assert listed_titles(client.get(DE, {"topic": energy.slug})) == [
        "Energie 2025",
        "Energie 2024",
    ]
    both = client.get(DE, {"topic": energy.slug, "year": "2024"})
    assert listed_titles(both) == ["Energie 2024"]
    html = both.content.decode()
    assert '<option value="2024" selected>' in html
    assert f'<option value="{energy.slug}" selected>' in html
    # no release of that topic in that year: an honest empty list, not a 404
    empty = client.get(DE, {"topic": economy.slug, "year": "2024"})
    assert empty.status_code == 200 and listed_titles(empty) == []
    assert "Keine Pressemitteilung passt zu diesen Filtern." in empty.content.decode()
    # the empty form fields of a submitted form mean "all"
    assert len(listed_titles(client.get(DE, {"topic": "", "year": ""}))) == 3


@pytest.mark.parametrize(
    "query",
    [
        {"year": "1999"},  # no press release that year
        {"year": "20x4"},
        {"year": "02024"},
        {"year": "2024\x00"},
        {"topic": "gibt-es-nicht"},
        {"topic": "ä\x00"},
        {"topic": "wirtschaft", "year": "abc"},
        {"page": "0"},
        {"page": "x"},
        {"page": "99"},
    ],
)
def test_bad_filter_parameters_are_404_never_500(client, query):
    assert client.get(DE, query).status_code == 404


def test_pagination_keeps_the_filters(client, news_index_de):
    NewsPage.objects.all().delete()
    for day in range(12):
        release(news_index_de, f"Mitteilung {day}", datetime.date(2025, 1, 1 + day))
    first = client.get(DE, {"year": "2025"})
    assert len(first.context["releases"]) == 10
    assert 'href="?year=2025&amp;page=2"' in first.content.decode()
    assert len(client.get(DE, {"year": "2025", "page": "2"}).context["releases"]) == 2


def add_release(index, capture):
    """A press release with image, two topics, a contact and a live English translation."""
    return add_full_article(index, capture, kind=NewsKind.PRESS_RELEASE)


@pytest.mark.parametrize("url", [DE, EN])
def test_press_page_query_count_does_not_grow_with_press_releases(
    client, news_index_de, django_capture_on_commit_callbacks, url
):
    NewsPage.objects.all().delete()
    add_release(news_index_de, django_capture_on_commit_callbacks)
    one, response = count_queries(client, url)
    assert len(response.context["releases"]) == 1
    for _ in range(11):
        add_full_article(
            news_index_de, django_capture_on_commit_callbacks, kind=NewsKind.PRESS_RELEASE
        )
    full, response = count_queries(client, url)
    assert len(response.context["releases"]) == 10
    assert full == one
    assert one <= 15, f"{one} queries for the press page"


def test_press_contacts_in_the_readers_language(client):
    german = client.get(DE).content.decode()
    english = client.get(EN).content.decode()
    assert "Presseteam (Demo)" in german and "Presseteam (Demo)" in english
    assert "Pressestelle" in german and "Pressestelle" not in english
    assert "Press office" in english and "Press office" not in german
    assert 'href="mailto:presse@example.org"' in english


def test_draft_press_contacts_are_not_shown(client):
    contact = PressContact.objects.get(locale__language_code="de", email="presse@example.org")
    contact.unpublish()
    html = client.get(DE).content.decode()
    assert "presse@example.org" not in html
    assert "Bitte schreiben Sie an die Adresse im Fußbereich der Seite." in html


@pytest.mark.parametrize(("news_url", "press_url"), [("/de/aktuelles/", DE), ("/en/news/", EN)])
def test_news_index_links_to_the_press_page(client, news_url, press_url):
    assert f'href="{press_url}"' in client.get(news_url).content.decode()


def test_press_release_contact_card_links_to_the_press_page(client, press_release_de):
    html = client.get(press_release_de.url).content.decode()
    assert f'<a href="{DE}">Alle Pressemitteilungen und Pressefotos</a>' in html
    english = press_release_de.get_translations().get().url
    html = client.get(english).content.decode()
    assert f'<a href="{EN}">All press releases and press photos</a>' in html


def test_press_page_is_in_the_main_menu(client):
    html = client.get("/de/").content.decode()
    assert f'<li><a href="{DE}">Presse</a></li>' in html


def test_without_a_live_press_page_the_links_are_left_out(client, press_de, press_release_de):
    for page in Page.objects.filter(translation_key=press_de.translation_key):
        page.unpublish()
    assert "/presse/" not in client.get("/de/aktuelles/").content.decode()
    assert "Alle Pressemitteilungen" not in client.get(press_release_de.url).content.decode()


def test_hreflang_links_both_languages(client):
    for url in (DE, EN):
        links = hreflangs(client.get(url).content.decode())
        assert links["de"].endswith(DE) and links["en"].endswith(EN)


def test_sitemap_lists_both_press_pages(client):
    xml = sitemap_text(client)
    assert f"{DE}</loc>" in xml and f"{EN}</loc>" in xml
