"""Scheduled publishing: ``publish_scheduled`` (run by cron, see docs/operations.md)
publishes pages whose go-live date has passed and unpublishes pages past their expiry date,
in both languages."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from home.models import StandardPage
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db


def schedule(page, go_live_at):
    """Publish a revision with a future go-live date, as the editor's "Publish" does."""
    page.go_live_at = go_live_at
    revision = page.save_revision()
    revision.publish()
    return revision


def test_scheduled_page_goes_live_in_both_languages(
    client, home_de, django_capture_on_commit_callbacks
):
    page = StandardPage(title="Sommerfest", slug="sommerfest", intro="Bald online.", live=False)
    home_de.add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        english = translate_with_localize(page, publish=False)
    soon = timezone.now() + timedelta(hours=1)
    for version in (page, english):
        version.refresh_from_db()
        schedule(version, soon)
        version.refresh_from_db()
        assert not version.live, "scheduled, not yet live"
    assert client.get("/de/sommerfest/").status_code == 404

    # Two hours later, cron runs the command: the revisions are due.
    later = timezone.now() + timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)

    for version in (page, english):
        version.refresh_from_db()
        assert version.live
    assert client.get("/de/sommerfest/").status_code == 200
    assert client.get(english.url).status_code == 200
    assert english.url.startswith("/en/")


def test_expired_pages_are_unpublished_in_both_languages(client):
    urls = ["/de/impressum/", "/en/legal-notice/"]
    slugs = ("/impressum/", "/legal-notice/")
    pages = [Page.objects.get(url_path__endswith=slug) for slug in slugs]
    for url in urls:
        assert client.get(url).status_code == 200
    Page.objects.filter(pk__in=[p.pk for p in pages]).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    call_command("publish_scheduled", verbosity=0)

    for page in pages:
        page.refresh_from_db()
        assert not page.live and page.expired
    for url in urls:
        assert client.get(url).status_code == 404
