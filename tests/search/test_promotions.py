"""Promoted results: first, and only on the promoted page's own language's site."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from tests.search.conftest import hits

pytestmark = pytest.mark.django_db


def promote(query_string, page):
    return SearchPromotion.objects.create(
        query=Query.get(query_string), page=page, sort_order=0, description=""
    )


@pytest.fixture
def german_only_article(db):
    return Page.objects.get(slug="radweg-am-seeufer-eroeffnet")


def test_promoted_page_that_does_not_match_comes_first_in_its_language(client, press_release_de):
    promote("Radweg", press_release_de)
    found = hits(client.get("/de/suche/", {"q": "Radweg"}))
    assert found[0].pk == press_release_de.pk
    assert len(found) > 1, "the ordinary hits follow the promotion"
    assert found.count(found[0]) == 1
    results = client.get("/de/suche/", {"q": "radweg "}).context["results"]
    assert results[0].promoted and results[0].page.pk == press_release_de.pk


def test_german_promotion_shows_the_live_english_translation_on_the_english_site(
    client, press_release_de
):
    promote("commissioner", press_release_de)
    found = hits(client.get("/en/search/", {"q": "commissioner"}))
    english = Page.objects.get(
        translation_key=press_release_de.translation_key, locale__language_code="en"
    )
    assert found[0].pk == english.pk
    assert all(page.locale.language_code == "en" for page in found)


def test_promotion_without_english_translation_is_not_shown_on_the_english_site(
    client, german_only_article
):
    promote("Lausitz", german_only_article)
    found = hits(client.get("/en/search/", {"q": "Lausitz"}))
    assert german_only_article.pk not in {page.pk for page in found}
    assert all(page.locale.language_code == "en" for page in found)
    assert hits(client.get("/de/suche/", {"q": "Lausitz"}))[0].pk == german_only_article.pk


def test_unpublished_promoted_page_is_not_shown(client, press_release_de):
    promote("Radweg", press_release_de)
    press_release_de.unpublish()
    found = hits(client.get("/de/suche/", {"q": "Radweg"}))
    assert press_release_de.pk not in {page.pk for page in found}


def test_promotion_is_shown_on_the_first_result_page_only(client, press_release_de):
    from tests.factories.news import NewsPageFactory

    index = client.get("/de/aktuelles/").context["page"]
    for _ in range(12):
        NewsPageFactory(parent=index, teaser="Ein Artikel über Seeufer.")
    promote("Seeufer", press_release_de)
    first = client.get("/de/suche/", {"q": "Seeufer"})
    second = client.get("/de/suche/", {"q": "Seeufer", "page": "2"})
    assert hits(first)[0].pk == press_release_de.pk
    assert press_release_de.pk not in {page.pk for page in hits(second)}
    assert first.context["total"] == second.context["total"]


def test_editors_manage_promotions_in_the_admin(client, press_release_de):
    admin = get_user_model().objects.create_superuser("promo", "promo@example.org", "pw")
    client.force_login(admin)
    response = client.post(
        "/admin/searchpicks/add/",
        {
            "query_string": "Förderung",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": str(press_release_de.pk),
            "editors_picks-0-external_link_url": "",
            "editors_picks-0-external_link_text": "",
            "editors_picks-0-description": "",
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SearchPromotion.objects.filter(
        query__query_string="förderung", page=press_release_de
    ).exists()
    client.logout()
    assert hits(client.get("/de/suche/", {"q": "Förderung"}))[0].pk == press_release_de.pk
