"""Every change a visitor could see empties the page cache; rendering pages does not."""

import datetime

import pytest
from django.conf import settings
from django.core.cache import caches
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from campaign.models import FilmPage
from home.models import Film, SiteSettings, Topic
from news.event_facts import copy_event_facts
from news.models import EventPage, PressContact
from portal.caching import generation as page_cache_module
from portal.caching.fragments import fragment_log
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db


@pytest.fixture
def press_release_de(db):
    from news.demo_articles import PRESS_RELEASE_SLUG

    return Page.objects.get(slug=PRESS_RELEASE_SLUG).specific


@pytest.fixture(params=["page cache", "fragments"])
def any_cache(request, settings):
    """Each content change is tried against both caches of rendered HTML: the full-page
    cache, and (page cache off) the fragments of published content
    (``portal.caching.fragments``)."""
    if request.param == "page cache":
        settings.PORTAL_PAGE_CACHE_SECONDS = 600
    else:
        settings.PORTAL_PAGE_CACHE_SECONDS = 0
        settings.PORTAL_FRAGMENT_CACHE_SECONDS = 600
    for alias in caches:
        caches[alias].clear()
    return caches["pages"]


def warm(client, url):
    """Render ``url`` into the cache and prove the next view is a hit."""
    first = client.get(url)
    assert first.status_code == 200, url
    second = client.get(url)
    if settings.PORTAL_PAGE_CACHE_SECONDS:
        assert first["X-Cache"] == "MISS", url
        assert second["X-Cache"] == "HIT", url
    else:
        outcomes = {outcome for _name, outcome in fragment_log(second.wsgi_request)}
        assert outcomes == {"hit"}, f"{url}: fragments {fragment_log(second.wsgi_request)}"
    return first.content.decode()


def fresh(client, url, status=200):
    """The page after a change: never a page-cache hit (the content assertions of each test
    prove that no stale fragment was served either)."""
    response = client.get(url)
    assert response.status_code == status
    if settings.PORTAL_PAGE_CACHE_SECONDS:
        assert response["X-Cache"] in ("MISS", "BYPASS"), f"{url} served stale from the cache"
    return response.content.decode()


def test_publishing_a_page_shows_the_change(client, any_cache):
    warm(client, "/de/impressum/")
    page = Page.objects.get(slug="impressum").specific
    page.title = "Impressum neu gefasst"
    page.save_revision().publish()
    assert "Impressum neu gefasst" in fresh(client, "/de/impressum/")


def test_publishing_one_page_refreshes_the_listings_that_show_it(
    client, any_cache, press_release_de
):
    warm(client, "/de/aktuelles/")
    press_release_de.title = "Ganz neue Überschrift der Pressemitteilung"
    press_release_de.save_revision().publish()
    assert "Ganz neue Überschrift" in fresh(client, "/de/aktuelles/")


def test_unpublishing_a_page_removes_it(client, any_cache):
    warm(client, "/de/impressum/")
    Page.objects.get(slug="impressum").unpublish()
    fresh(client, "/de/impressum/", status=404)


def test_moving_a_page_changes_its_address(client, any_cache, home_de):
    warm(client, "/de/impressum/")
    page = Page.objects.get(slug="impressum")
    target = Page.objects.get(slug="aktuelles")
    page.move(target, pos="last-child")
    # Wagtail leaves a redirect at the old address; the cached page is not served there
    fresh(client, "/de/impressum/", status=301)
    fresh(client, "/de/aktuelles/impressum/")


def test_deleting_a_page_removes_it(client, any_cache):
    warm(client, "/de/impressum/")
    Page.objects.get(slug="impressum").delete()
    fresh(client, "/de/impressum/", status=404)


def test_publishing_a_translation_shows_it(
    client, any_cache, english, django_capture_on_commit_callbacks
):
    english_url = "/en/legal-notice/"
    warm(client, english_url)
    german = Page.objects.get(slug="impressum").specific
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate_with_localize(german, rewrite=lambda text: f"Retranslated {text}")
    # the slug was retranslated too: the old address now redirects, nothing stale is served
    fresh(client, english_url, status=301)
    assert "Retranslated" in fresh(client, translated.url)


def test_publishing_a_topic_renames_it_on_pages(client, any_cache, press_release_de):
    url = press_release_de.url
    warm(client, url)
    topic = press_release_de.topics.first()
    topic = Topic.objects.get(pk=topic.pk)
    topic.name = "Umbenanntes Thema"
    topic.save_revision().publish()
    assert "Umbenanntes Thema" in fresh(client, url)


def test_publishing_a_press_contact_updates_press_releases(client, any_cache, press_release_de):
    url = press_release_de.url
    html = warm(client, url)
    contact = PressContact.objects.get(pk=press_release_de.press_contact_id)
    assert contact.name in html
    contact.name = "Neues Presseteam"
    contact.save_revision().publish()
    assert "Neues Presseteam" in fresh(client, url)


def test_publishing_a_film_updates_its_film_page(client, any_cache):
    film_page = FilmPage.objects.filter(locale__language_code="de").first()
    html = warm(client, film_page.url)
    film = Film.objects.get(pk=film_page.film_id)
    assert film.title in html
    film.title = "Der neue Filmtitel"
    film.save_revision().publish()
    assert "Der neue Filmtitel" in fresh(client, film_page.url)


def test_changing_the_site_settings_updates_the_footer(client, any_cache):
    warm(client, "/en/")
    site_settings = SiteSettings.objects.get()
    site_settings.organisation_name = "Neue Lausitz-Agentur"
    site_settings.save()
    assert "Neue Lausitz-Agentur" in fresh(client, "/en/")


def test_a_new_view_restriction_stops_serving_the_cached_page(client, any_cache):
    warm(client, "/de/impressum/")
    PageViewRestriction.objects.create(
        page=Page.objects.get(slug="impressum"), restriction_type=PageViewRestriction.LOGIN
    )
    fresh(client, "/de/impressum/", status=302)


def test_event_facts_written_without_revision_reach_the_cached_english_page(
    client, any_cache, english
):
    german = EventPage.objects.get(slug="werkstatt-waermeplanung")
    english_url = german.get_translation(english).url
    warm(client, english_url)
    # the German page row changes without a publish; copy_event_facts writes English rows
    # with QuerySet.update(), which sends no signal: it must empty the cache itself
    EventPage.objects.filter(pk=german.pk).update(status="cancelled")
    german.refresh_from_db()
    before = page_cache_module.current_generation()
    assert copy_event_facts(german) == 1
    assert page_cache_module.current_generation() != before
    assert "Cancelled" in fresh(client, english_url)


def test_publishing_a_german_event_reaches_the_cached_english_listing(
    client, any_cache, english, django_capture_on_commit_callbacks
):
    warm(client, "/en/events/")
    german = EventPage.objects.get(slug="werkstatt-waermeplanung")
    german.status = "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        german.save_revision().publish()
    assert "Cancelled" in fresh(client, "/en/events/")


def test_changing_a_redirect_empties_the_cache(page_cache):
    before = page_cache_module.current_generation()
    Redirect.objects.create(old_path="/de/alt", redirect_link="/de/")
    assert page_cache_module.current_generation() != before


def test_rendering_pages_never_empties_the_cache(client, page_cache, settings):
    """First views create image renditions (database rows): that must not count as a change."""
    settings.PORTAL_PREGENERATE_RENDITIONS = False
    before = page_cache_module.current_generation()
    for url in ("/de/", "/en/", "/de/aktuelles/", "/de/veranstaltungen/", "/de/krasse-gegend/"):
        assert client.get(url)["X-Cache"] == "MISS"
    assert page_cache_module.current_generation() == before


def test_a_publish_inside_a_transaction_replaces_the_token_again_at_commit(
    page_cache, django_capture_on_commit_callbacks
):
    """Replaced when signalled and again at commit: a request that read the new token before
    the commit must not be able to store the old rows under it."""
    page = Page.objects.get(slug="impressum").specific
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.title = "Entwurf"
        page.save_revision().publish()
        during = page_cache_module.current_generation()
    assert callbacks, "no bump was queued for the commit"
    for callback in callbacks:
        callback()
    assert page_cache_module.current_generation() != during


def test_an_answer_is_stored_under_the_generation_read_before_rendering(
    client, page_cache, monkeypatch
):
    """A publish during a render leaves the rendered (maybe old) page unreachable."""
    original = Page.serve

    def serve_while_someone_publishes(self, request, *args, **kwargs):
        page_cache_module.invalidate()
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(Page, "serve", serve_while_someone_publishes)
    assert client.get("/de/impressum/")["X-Cache"] == "MISS"
    monkeypatch.setattr(Page, "serve", original)
    assert client.get("/de/impressum/")["X-Cache"] == "MISS"
    assert client.get("/de/impressum/")["X-Cache"] == "HIT"


def test_a_lost_generation_never_brings_back_old_entries(client, page_cache):
    """The token is random: starting again after losing it cannot reuse an old one."""
    warm(client, "/de/")
    path = settings.PORTAL_PAGE_CACHE_GENERATION_FILE
    path.unlink()
    assert client.get("/de/")["X-Cache"] == "MISS"


def test_generation_lives_in_the_cache_when_it_is_shared(client, page_cache, settings):
    settings.PORTAL_PAGE_CACHE_GENERATION_FILE = None
    warm(client, "/de/")
    page_cache.delete(page_cache_module.GENERATION_KEY)
    assert client.get("/de/")["X-Cache"] == "MISS"
    Page.objects.get(slug="impressum").specific.save_revision().publish()
    assert client.get("/de/")["X-Cache"] == "MISS"
    assert client.get("/de/")["X-Cache"] == "HIT"


def test_scheduled_unpublishing_empties_the_cache(client, any_cache):
    from django.core.management import call_command
    from django.utils import timezone

    warm(client, "/de/impressum/")
    Page.objects.filter(slug="impressum").update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled", verbosity=0)
    fresh(client, "/de/impressum/", status=404)


def test_a_deploy_empties_both_caches(client, any_cache):
    """Deploying runs ``migrate``: what the old code's templates rendered is not served by
    the new code, even when no migration was pending."""
    from django.core.management import call_command

    warm(client, "/de/impressum/")
    call_command("migrate", verbosity=0)
    response = client.get("/de/impressum/")
    if settings.PORTAL_PAGE_CACHE_SECONDS:
        assert response["X-Cache"] == "MISS"
    else:
        assert {outcome for _name, outcome in fragment_log(response.wsgi_request)} == {"miss"}
