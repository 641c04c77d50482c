"""The project page type: rules editors understand, JSON-LD, search in both languages,
the listing's query budget and its page cache."""

import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale

from projects.models import ProjectPage
from tests.helpers import count_queries, translate_with_localize

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return next(d for d in map(json.loads, blocks) if d.get("@type") == "Project")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"latitude": None}, "latitude", "latitude"),
        ({"latitude": "14.33290", "longitude": "51.75630"}, "latitude", "order"),
        ({"latitude": "48.13700", "longitude": "11.57500"}, "latitude", "outside"),
        ({"start_date": "2027-01-01", "end_date": "2026-01-01"}, "end_date", "before"),
        ({"funding_amount": Decimal("-1")}, "funding_amount", "negative"),
    ],
)
def test_rules_editors_understand(project_index_de, fields, field, message):
    values = {
        "title": "Regelprüfung",
        "slug": "regelpruefung",
        "summary": "Kurz.",
        "district": "cottbus",
        "municipality": "Cottbus",
        "latitude": "51.75630",
        "longitude": "14.33290",
        **fields,
    }
    project = ProjectPage(locale=project_index_de.locale, **values)
    with pytest.raises(ValidationError) as error:
        project.clean()
    assert field in error.value.message_dict
    with translation.override("en"):  # the messages are lazy: read them in English
        assert message in " ".join(str(m) for m in error.value.message_dict[field]).lower()


@pytest.mark.parametrize("language", ["de", "en"])
def test_project_carries_schema_org_json_ld(client, add_project, language):
    project = add_project(translate=True, municipality="Forst (Lausitz)")
    if language == "en":
        project = project.get_translation(Locale.objects.get(language_code="en"))
    data = json_ld(client.get(project.url).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["name"] == project.title
    assert data["inLanguage"] == language
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 51.57,
        "longitude": 14.37,
    }
    assert data["location"]["address"]["addressLocality"] == "Forst (Lausitz)"
    assert data["funding"]["amount"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": 250000.0,
    }
    assert data["url"].endswith(project.url)
    assert [member["name"] for member in data["member"]][1] == "Testverein e. V."


@pytest.mark.parametrize(
    ("url", "query"), [("/de/suche/", "Grubenwasserwärme"), ("/en/search/", "minewater")]
)
def test_search_finds_projects_in_both_languages(
    client, add_project, url, query, django_capture_on_commit_callbacks
):
    project = add_project(title="Grubenwasserwärme für Welzow")
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_localize(
            project, rewrite=lambda text: text.replace("Grubenwasserwärme", "Minewater heat")
        )
    german = url.startswith("/de/")
    expected = "Grubenwasserwärme für Welzow" if german else "Minewater heat für Welzow"
    for params in (f"q={query}", f"q={query}&type=project"):
        response = client.get(f"{url}?{params}")
        assert response.status_code == 200
        found = [result.page.title for result in response.context["results"]]
        assert expected in found, params


@pytest.mark.parametrize("language", ["de", "en"])
def test_listing_query_count_does_not_grow_with_projects(
    client, project_index_de, project_index_en, add_project, language
):
    ProjectPage.objects.all().delete()
    add_project(translate=True)
    url = project_index_de.url if language == "de" else project_index_en.url
    one, response = count_queries(client, url)
    assert len(response.context["projects"]) == 1
    for _ in range(13):
        add_project(translate=True)
    full, response = count_queries(client, url)
    assert len(response.context["projects"]) == 12
    assert len(response.context["markers"]) == 14
    assert full == one
    assert one <= 16, f"{one} queries for the project listing"


def test_filtered_listing_is_page_cached_per_filter(
    client, page_cache, project_index_de, add_project
):
    add_project(district="cottbus", title="Im Cache")
    url = f"{project_index_de.url}?district=cottbus"
    assert "Im Cache" in client.get(url).content.decode()
    count, response = count_queries(client, url)
    assert count == 0
    other = client.get(f"{project_index_de.url}?district=elbe-elster").content.decode()
    assert "Im Cache" not in other


def test_a_published_project_shows_in_the_cached_listing(
    client, page_cache, project_index_de, add_project
):
    client.get(project_index_de.url)
    add_project(title="Gerade veröffentlicht")
    assert "Gerade veröffentlicht" in client.get(project_index_de.url).content.decode()
