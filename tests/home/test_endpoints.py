"""Endpoints outside the language prefix: health, robots, sitemap, admin."""

import pytest

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_robots_points_at_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


@pytest.mark.parametrize("url", ["/de/healthz", "/en/robots.txt", "/de/sitemap.xml"])
def test_machine_endpoints_are_not_language_prefixed(client, url):
    assert client.get(url, follow=True).status_code == 404


def test_admin_is_not_language_prefixed(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_anonymous_visitors_get_no_cookie(client):
    for url in ["/", "/de/", "/en/", "/de/impressum/", "/en/does-not-exist/"]:
        response = client.get(url)
        assert not response.cookies, url
