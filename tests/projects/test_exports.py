"""Open data: GeoJSON (RFC 7946, checked by an independent parser) and CSV of the live
projects of one language, with the licence, listing exactly the projects of the listing."""

import csv
import io
import json

import pytest
from geojson_pydantic import FeatureCollection

from home.models import SiteSettings
from projects.models import ProjectPage
from tests.helpers import sitemap_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(add_project):
    ProjectPage.objects.all().delete()
    made = [
        add_project(
            translate=True,
            title="Grubenwasser-Wärme Welzow",
            district="spree-neisse",
            municipality="Welzow",
            latitude="51.58340",
            longitude="14.17160",
            status="funded",
            funding_amount="1250000.50",
        ),
        add_project(
            translate=True,
            title="Radweg Luckau",
            district="dahme-spreewald",
            municipality="Luckau",
            latitude="51.85560",
            longitude="13.70750",
            status="idea",
            funding_amount=None,
            funding_programme="",
            partners="",
            start_date=None,
            end_date=None,
        ),
    ]
    draft = add_project(title="Entwurf ohne Freigabe")
    draft.unpublish()
    return made


def geojson(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    return response, json.loads(response.content)


def listing_urls(client, url) -> set[str]:
    response = client.get(url)
    return {
        "http://testserver" + project.get_url(response.wsgi_request)
        for project in response.context["projects"]
    }


@pytest.mark.parametrize("language", ["de", "en"])
def test_geojson_is_valid_rfc_7946(client, project_index_de, project_index_en, projects, language):
    index = project_index_de if language == "de" else project_index_en
    response, data = geojson(client, index.geojson_url())
    collection = FeatureCollection.model_validate(data)  # raises on any structural error
    assert collection.type == "FeatureCollection"
    assert len(collection.features) == 2
    for feature in collection.features:
        assert feature.geometry.type == "Point"
        longitude, latitude = feature.geometry.coordinates
        # RFC 7946, 3.1.1: longitude first. The Lausitz lies near 14° E, 51.7° N.
        assert 12.9 < longitude < 15.0
        assert 51.3 < latitude < 52.5
    welzow = next(f for f in data["features"] if f["properties"]["municipality"] == "Welzow")
    assert welzow["geometry"]["coordinates"] == [14.1716, 51.5834]
    assert welzow["properties"]["funding_amount_eur"] == 1250000.5
    assert data["language"] == language


@pytest.mark.parametrize(
    "query", ["", "?district=spree-neisse", "?status=idea", "?district=elbe-elster"]
)
def test_geojson_lists_exactly_the_projects_of_the_listing(
    client, project_index_de, project_index_en, projects, query
):
    for index in (project_index_de, project_index_en):
        _response, data = geojson(client, index.geojson_url() + query)
        exported = {feature["properties"]["url"] for feature in data["features"]}
        assert exported == listing_urls(client, index.url + query)


def test_feature_ids_join_the_languages(client, project_index_de, project_index_en, projects):
    _r, german = geojson(client, project_index_de.geojson_url())
    _r, english = geojson(client, project_index_en.geojson_url())
    assert {f["id"] for f in german["features"]} == {f["id"] for f in english["features"]}
    titles = {f["properties"]["title"] for f in english["features"]}
    assert titles == {"EN Grubenwasser-Wärme Welzow", "EN Radweg Luckau"}


def test_licence_comes_from_the_site_settings(client, project_index_de, projects):
    settings = SiteSettings.objects.get()
    settings.open_data_licence = "Datenlizenz Deutschland – Namensnennung – 2.0"
    settings.open_data_licence_url = "https://www.govdata.de/dl-de/by-2-0"
    settings.save()
    _r, data = geojson(client, project_index_de.geojson_url())
    assert data["licence"] == {
        "name": "Datenlizenz Deutschland – Namensnennung – 2.0",
        "url": "https://www.govdata.de/dl-de/by-2-0",
    }
    csv_response = client.get(project_index_de.csv_url())
    assert csv_response["Link"] == '<https://www.govdata.de/dl-de/by-2-0>; rel="license"'
    listing = client.get(project_index_de.url).content.decode()
    assert "Datenlizenz Deutschland – Namensnennung – 2.0" in listing
    assert 'href="https://www.govdata.de/dl-de/by-2-0" rel="license"' in listing


def test_csv_has_one_row_per_listed_project(client, project_index_de, projects):
    response = client.get(project_index_de.csv_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs then read the umlauts
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert {row["url"] for row in rows} == listing_urls(client, project_index_de.url)
    welzow = next(row for row in rows if row["municipality"] == "Welzow")
    assert welzow["latitude"] == "51.58340"
    assert welzow["longitude"] == "14.17160"
    assert welzow["funding_amount_eur"] == "1250000.50"
    assert welzow["status"] == "funded"
    luckau = next(row for row in rows if row["municipality"] == "Luckau")
    assert luckau["funding_amount_eur"] == "" and luckau["start"] == ""


def test_exports_are_linked_from_the_listing_with_the_filters(client, project_index_de, projects):
    html = client.get(f"{project_index_de.url}?status=idea").content.decode()
    assert f'href="{project_index_de.geojson_url()}?status=idea"' in html
    assert f'href="{project_index_de.csv_url()}?status=idea"' in html
    assert f'type="application/geo+json" href="{project_index_de.geojson_url()}"' in html


def test_exports_are_in_the_sitemap(client, project_index_de, project_index_en, projects):
    sitemap = sitemap_text(client)
    for index in (project_index_de, project_index_en):
        assert f"{index.geojson_url()}</loc>" in sitemap
        assert f"{index.csv_url()}</loc>" in sitemap
