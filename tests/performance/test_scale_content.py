"""The scale generator (``bench/scale_content.py``, issue 31) makes pages Wagtail treats as
its own: a sound tree, live translations in both languages, topics, a search index entry,
pages that serve and list like hand-made ones."""

import importlib.util
from pathlib import Path

import pytest
from wagtail.models import Locale, Page

from campaign.models import FilmPage
from news.models import EventPage, NewsPage

pytestmark = pytest.mark.django_db

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "scale_content.py"


@pytest.fixture
def scale():
    spec = importlib.util.spec_from_file_location("scale_content", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_pages_keep_the_tree_sound_and_serve(client, scale):
    before = NewsPage.objects.count()
    made = scale.generate(articles=25, events=6, films=2)
    assert made == {"articles": 25, "events": 6, "films": 2}
    film_pages = FilmPage.objects.filter(slug__startswith=scale.SLUG_PREFIX)
    assert film_pages.count() == 4 and all(page.film_id for page in film_pages)
    for page in film_pages:
        assert client.get(page.url).status_code == 200
    assert NewsPage.objects.count() == before + 50
    assert EventPage.objects.filter(slug__startswith=scale.SLUG_PREFIX).count() == 12
    assert all(not problems for problems in Page.find_problems())
    english = Locale.objects.get(language_code="en")
    article = NewsPage.objects.get(slug=f"{scale.SLUG_PREFIX}1", locale__language_code="de")
    translation = article.get_translation(english)
    assert translation.live and translation.title.startswith("Scale test 1:")
    assert set(article.topics.values_list("translation_key", flat=True)) == set(
        translation.topics.values_list("translation_key", flat=True)
    )
    assert article.topics.count() >= 1
    for page in (article, translation):
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()
    listing = client.get("/de/aktuelles/").content.decode()
    assert "Skalentest" in listing
    found = NewsPage.objects.live().search("Skalentest", operator="and")
    assert len(found) >= 1


def test_a_second_run_adds_more_and_remove_takes_all(scale):
    scale.generate(articles=3, events=1, films=1)
    scale.generate(articles=2, events=0)
    slugs = set(
        NewsPage.objects.filter(
            slug__startswith=scale.SLUG_PREFIX, locale__language_code="de"
        ).values_list("slug", flat=True)
    )
    assert slugs == {f"{scale.SLUG_PREFIX}{n}" for n in range(1, 6)}
    assert all(not problems for problems in Page.find_problems())
    assert scale.remove() == 14
    assert not Page.objects.filter(slug__startswith=scale.SLUG_PREFIX).exists()
    assert all(not problems for problems in Page.find_problems())
