"""``home.chrome.routing`` finds the same page (and sub-route) as Wagtail's own routing, for every
page of the demo and for the awkward cases: sub-routes, a child whose slug equals a
sub-route, unknown and unpublished pages."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, Site

from home.chrome.routing import fast_route
from news.models import NewsIndexPage, NewsPage
from tests.factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db


def wagtail_route(request, path):
    site = Site.find_for_request(request)
    components = [part for part in path.split("/") if part]
    return site.root_page.localized.specific.route(request, components)


def both(language, path):
    """(fast, wagtail) results for ``path`` below the language prefix; Http404 as a value."""
    results = []
    for router in (fast_route, wagtail_route):
        request = RequestFactory().get(f"/{language}/{path}")
        with translation.override(language):
            try:
                result = router(request, path)
            except Http404:
                result = Http404
        if result is not Http404:
            page, args, kwargs = result
            view = args[0] if args else None
            result = (page.pk, type(page), getattr(view, "__name__", view), kwargs)
        results.append(result)
    return results


def site_relative_path(page):
    """The path below the language prefix, as routing sees it."""
    url = page.get_url()
    return url.split("/", 2)[2]


def test_every_live_page_routes_as_wagtail_routes_it():
    pages = Page.objects.live().filter(depth__gt=1).select_related("locale")
    assert pages.count() > 30
    for page in pages:
        language = page.locale.language_code
        fast, wagtail = both(language, site_relative_path(page))
        assert fast == wagtail, page.url_path
        assert fast[0] == page.pk


@pytest.mark.parametrize(
    "language,path",
    [
        ("de", "aktuelles/feed/"),
        ("en", "news/feed/"),
        ("de", "veranstaltungen/ics/"),
        ("de", "aktuelles/gibt-es-nicht/"),
        ("de", "gibt-es-nicht/auch-nicht/"),
        ("en", "news/feed/extra/"),
        ("de", ""),
        ("en", ""),
    ],
)
def test_sub_routes_and_unknown_paths_match_wagtail(language, path):
    fast, wagtail = both(language, path)
    assert fast == wagtail


def test_event_ics_sub_route_matches_wagtail():
    from news.models import EventPage

    event = EventPage.objects.live().filter(locale__language_code="de").first()
    fast, wagtail = both("de", site_relative_path(event) + "ics/")
    assert fast == wagtail
    assert fast[0] == event.pk and fast[2] is not None


def test_a_child_named_like_a_sub_route_is_shadowed_as_in_wagtail():
    """Wagtail lets the routable index answer ``feed/`` before looking at its children."""
    index = NewsIndexPage.objects.get(slug="aktuelles")
    NewsPageFactory(parent=index, slug="feed", title="Feed")
    fast, wagtail = both("de", "aktuelles/feed/")
    assert fast == wagtail
    assert fast[0] == index.pk


def test_unpublished_page_is_404_as_in_wagtail():
    article = NewsPage.objects.live().filter(locale__language_code="de").first()
    path = site_relative_path(article)
    article.unpublish()
    fast, wagtail = both("de", path)
    assert fast is Http404 and wagtail is Http404


def test_served_page_through_the_view(client):
    """The URL conf uses the fast router: a normal request still renders the article."""
    article = NewsPage.objects.live().filter(locale__language_code="de").first()
    response = client.get(article.get_url())
    assert response.status_code == 200
    assert response.context["page"].pk == article.pk


def test_routed_page_comes_with_its_hero_image_and_parent(django_assert_num_queries):
    """One query for the specific page and its hero; the parent from the chain is kept."""
    articles = NewsPage.objects.live().filter(locale__language_code="de")
    article = articles.filter(hero_image__isnull=False).first()
    path = site_relative_path(article)
    request = RequestFactory().get(f"/de/{path}")
    with translation.override("de"):
        page, _args, _kwargs = fast_route(request, path)  # chrome cached from here on
        page, _args, _kwargs = fast_route(request, path)
    assert type(page) is NewsPage and page.pk == article.pk
    parent_pk = article.get_parent().pk
    with django_assert_num_queries(0):
        assert page.hero_image.pk == article.hero_image_id
        assert page.get_parent().pk == parent_pk
