"""A renamed or moved page answers 301 from its old URL, in both languages."""

import pytest
from wagtail.models import Page

from tests.factories.pages import StandardPageFactory

pytestmark = pytest.mark.django_db


def rename(page, new_slug):
    page.slug = new_slug
    page.save_revision().publish()


@pytest.mark.parametrize(
    ("old_url", "new_slug", "new_url"),
    [
        ("/de/impressum/", "impressum-neu", "/de/impressum-neu/"),
        ("/en/legal-notice/", "imprint", "/en/imprint/"),
    ],
)
def test_renamed_page_redirects_from_its_old_url(
    client, old_url, new_slug, new_url, django_capture_on_commit_callbacks
):
    page = Page.objects.get(url_path__endswith=old_url.split("/")[-2] + "/").specific
    # Wagtail sends page_slug_changed (which creates the redirect) after the commit.
    with django_capture_on_commit_callbacks(execute=True):
        rename(page, new_slug)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(new_url)
    assert client.get(new_url).status_code == 200


def test_moved_page_redirects_from_its_old_url(client, home_de, django_capture_on_commit_callbacks):
    parent = StandardPageFactory(parent=home_de, title="Service", slug="service")
    page = Page.objects.get(slug="datenschutz", locale__language_code="de")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(parent, pos="last-child")
    response = client.get("/de/datenschutz/")
    assert response.status_code == 301
    assert response["Location"].endswith("/de/service/datenschutz/")
