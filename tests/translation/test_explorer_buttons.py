"""wagtail-localize's explorer buttons for a page of rows at once (issue 31): the same
buttons with the same addresses as wagtail-localize's own per-row function, and an
explorer whose query count does not grow with its rows."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize import wagtail_hooks as localize_hooks

from home.i18n import locale_ids
from home.translation.explorer_buttons import (
    annotate_translation_state,
    header_buttons,
    listing_buttons,
)
from news.models import NewsIndexPage
from tests.factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return get_user_model().objects.create_superuser("admin-x", "a@example.org", "pw")


def buttons(generator) -> list[tuple[str, str]]:
    return [(str(button.label), button.url) for button in generator]


@pytest.mark.parametrize(
    ("slug", "some_buttons"), [("aktuelles", True), ("veranstaltungen", True), ("news", None)]
)
def test_same_buttons_as_wagtail_localize(admin_user, slug, some_buttons):
    """German pages are sources (sync) or untranslated (translate). The English ones, all
    translations of German pages, have neither with two languages; with a third, they too
    can be translated into it (``None``: buttons exactly when there is a third language)."""
    if some_buttons is None:
        some_buttons = len(settings.LANGUAGES) > 2
    parent = Page.objects.get(slug=slug)
    pages = annotate_translation_state(parent, parent.get_children(), None)
    seen = []
    for page in pages:
        ours = buttons(listing_buttons(page, admin_user, next_url="/admin/"))
        plain = Page.objects.get(pk=page.pk)
        theirs = buttons(
            localize_hooks.page_listing_more_buttons(plain, admin_user, next_url="/admin/")
        )
        assert ours == theirs, page.title
        assert buttons(header_buttons(plain, admin_user, next_url="/admin/")) == theirs
        seen += ours
    assert bool(seen) is some_buttons


def test_header_buttons_cost_one_query(admin_user):
    page = Page.objects.get(slug="aktuelles")
    locale_ids()  # the locales, kept per process
    with CaptureQueriesContext(connection) as queries:
        shown = buttons(header_buttons(page, admin_user))
    assert shown and len(queries) == 1


def test_explorer_uses_the_annotations():
    """In the registry, our hooks replace wagtail-localize's listing and header hooks."""
    from wagtail import hooks

    listing_hooks = hooks.get_hooks("register_page_listing_more_buttons")
    header_hooks = hooks.get_hooks("register_page_header_buttons")
    assert listing_buttons in listing_hooks and header_buttons in header_hooks
    assert localize_hooks.page_listing_more_buttons not in listing_hooks + header_hooks


def test_explorer_query_count_does_not_grow_with_rows(client, admin_user):
    index = NewsIndexPage.objects.get(slug="aktuelles")
    client.force_login(admin_user)
    url = reverse("wagtailadmin_explore", args=[index.pk])

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    for _ in range(8):
        NewsPageFactory(parent=index, hero_image=None).save_revision().publish()
    assert count() == before
