"""The project map: projection, district outlines, and what the listing and a project page
draw (districts as filter links, markers at their coordinates, the active district)."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects import geo
from projects.choices import District
from projects.districts_outline import ENCLAVES, LABELS, OUTLINES, district_at
from projects.map import district_path
from tests.a11y.test_valid_html import java, validate  # noqa: F401 (java: a fixture)
from tests.factories.projects import ProjectIndexPageFactory, ProjectPageFactory


@pytest.mark.parametrize(
    ("longitude", "latitude"),
    [(geo.WEST, geo.NORTH), (geo.EAST, geo.SOUTH), (14.33289, 51.75637), (13.5, 52.39)],
)
def test_projection_round_trip_is_exact_to_a_few_metres(longitude, latitude):
    back_longitude, back_latitude = geo.from_map(*geo.to_map(longitude, latitude))
    # to_map rounds to a tenth of a unit: about 20 m on the ground.
    assert abs(float(back_longitude) - longitude) < 0.0003
    assert abs(float(back_latitude) - latitude) < 0.0002


def test_projection_puts_the_region_corners_at_the_map_corners():
    assert geo.to_map(geo.WEST, geo.NORTH) == (0, 0)
    x, y = geo.to_map(geo.EAST, geo.SOUTH)
    assert x == geo.MAP_WIDTH
    assert abs(y - geo.MAP_HEIGHT) <= 0.5


def test_from_map_gives_five_decimals():
    longitude, latitude = geo.from_map(300, 200)
    assert longitude.as_tuple().exponent == -5
    assert latitude.as_tuple().exponent == -5


@pytest.mark.parametrize("value", District.values)
def test_every_district_outline_is_closed_and_inside_the_map(value):
    ring = OUTLINES[value]
    assert len(ring) >= 4
    assert ring[0] == ring[-1]
    for longitude, latitude in ring:
        assert geo.in_region(latitude, longitude), (value, longitude, latitude)
    label_point, lines = LABELS[value]
    surrounding = [outer for outer, inner in ENCLAVES.items() if value in inner]
    assert district_at(*label_point) in [value, *surrounding]
    assert lines


@pytest.mark.parametrize(
    ("town", "longitude", "latitude", "district"),
    [
        ("Königs Wusterhausen", 13.63, 52.30, District.DAHME_SPREEWALD),
        ("Luckau", 13.71, 51.85, District.DAHME_SPREEWALD),
        ("Lübben", 13.89, 51.94, District.DAHME_SPREEWALD),
        ("Herzberg", 13.23, 51.69, District.ELBE_ELSTER),
        ("Finsterwalde", 13.71, 51.63, District.ELBE_ELSTER),
        ("Mühlberg", 13.22, 51.43, District.ELBE_ELSTER),
        ("Lübbenau", 13.96, 51.87, District.OBERSPREEWALD_LAUSITZ),
        ("Senftenberg", 14.01, 51.52, District.OBERSPREEWALD_LAUSITZ),
        ("Ortrand", 13.76, 51.38, District.OBERSPREEWALD_LAUSITZ),
        ("Forst", 14.64, 51.73, District.SPREE_NEISSE),
        ("Guben", 14.72, 51.95, District.SPREE_NEISSE),
        ("Spremberg", 14.37, 51.57, District.SPREE_NEISSE),
        ("Cottbus", 14.33, 51.76, District.COTTBUS),
        ("Berlin", 13.40, 52.52, None),
        ("Dresden", 13.74, 51.05, None),
    ],
)
def test_towns_lie_in_their_district_on_the_drawing(town, longitude, latitude, district):
    assert district_at(longitude, latitude) == district, town


def test_neighbours_share_their_border_points():
    """Shared borders are drawn from the same points, so no gap opens between districts."""
    neighbours = [
        (District.DAHME_SPREEWALD, District.ELBE_ELSTER),
        (District.DAHME_SPREEWALD, District.OBERSPREEWALD_LAUSITZ),
        (District.DAHME_SPREEWALD, District.SPREE_NEISSE),
        (District.ELBE_ELSTER, District.OBERSPREEWALD_LAUSITZ),
        (District.OBERSPREEWALD_LAUSITZ, District.SPREE_NEISSE),
    ]
    for one, other in neighbours:
        assert len(set(OUTLINES[one]) & set(OUTLINES[other])) >= 2, (one, other)


def test_spree_neisse_is_drawn_with_a_hole_for_cottbus():
    assert district_path(District.SPREE_NEISSE).count("M") == 2


@pytest.fixture
def index_de(db, home_de):
    return ProjectIndexPageFactory(parent=home_de, title="Projekte", slug="projekte-karte")


def marker_links(html):
    return re.findall(r'<a class="map-marker map-marker--([a-z-]+)" href="([^"]+)"', html)


def test_markers_are_drawn_at_the_projection_of_their_coordinates(client, index_de):
    project = ProjectPageFactory(
        parent=index_de,
        title="Wärmenetz Forst",
        municipality="Forst (Lausitz)",
        latitude=Decimal("51.73456"),
        longitude=Decimal("14.63987"),
        status="funded",
    )
    html = client.get(index_de.url).content.decode()
    x, y = geo.to_map(project.longitude, project.latitude)
    assert f'transform="translate({x:g} {y:g})"' in html
    assert marker_links(html) == [("funded", project.url)]
    # Its accessible name and tooltip: title, municipality and status.
    assert f'aria-labelledby="map-marker-{project.pk}"' in html
    assert (
        f'<title id="map-marker-{project.pk}">Wärmenetz Forst, Forst (Lausitz), Status: Gefördert'
        in html
    )


def test_markers_follow_the_filters_and_go_north_to_south(client, index_de):
    south = ProjectPageFactory(parent=index_de, latitude=Decimal("51.45"), status="idea")
    north = ProjectPageFactory(parent=index_de, latitude=Decimal("51.90"), status="idea")
    ProjectPageFactory(parent=index_de, status="completed")
    html = client.get(index_de.url + "?status=idea").content.decode()
    assert [url for _, url in marker_links(html)] == [north.url, south.url]


def test_district_links_filter_the_list_and_keep_the_other_filters(client, index_de):
    ProjectPageFactory(parent=index_de)
    html = client.get(index_de.url + "?status=planning").content.decode()
    for value in District.values:
        assert f'href="{index_de.url}?district={value}&amp;status=planning"' in html
    assert "aria-current" not in html


def test_the_active_district_is_marked_current(client, index_de):
    ProjectPageFactory(parent=index_de, district="cottbus", latitude=Decimal("51.76"))
    html = client.get(index_de.url + "?district=cottbus").content.decode()
    current = re.findall(
        r'<a class="map-district([^"]*)" href="([^"]+)"[^>]*aria-current="true"', html
    )
    assert current == [(" is-active", f"{index_de.url}?district=cottbus")]
    assert html.count('class="map-label is-active"') == 1


def test_the_map_says_the_list_is_its_equivalent_and_that_it_is_schematic(client, index_de):
    html = client.get(index_de.url).content.decode()
    assert 'aria-describedby="project-map-help"' in html
    assert "Die Liste der Projekte unter der Karte" in html
    assert "Schematische Karte" in html
    assert f'viewBox="0 0 {geo.MAP_WIDTH} {geo.MAP_HEIGHT}"' in html


def test_the_project_page_shows_its_single_marker_in_its_highlighted_district(client, index_de):
    project = ProjectPageFactory(parent=index_de, title="Bahnhof Spremberg")
    ProjectPageFactory(parent=index_de, title="Anderes Projekt")
    html = client.get(project.url).content.decode()
    x, y = geo.to_map(project.longitude, project.latitude)
    assert html.count('class="map-marker map-marker--') == 1
    assert f'transform="translate({x:g} {y:g})"' in html
    assert html.count('class="map-district__area is-active"') == 1
    assert 'role="img"' in html and "Karte: Bahnhof Spremberg in Spremberg" in html
    # A picture, not a second navigation: no district or marker links.
    assert 'class="map-district' not in html.replace("map-district__area", "")


def test_the_english_listing_draws_the_map_in_english(client, home_en, index_de):
    index_en = ProjectIndexPageFactory(parent=home_en, title="Projects", slug="projects-map")
    ProjectPageFactory(parent=index_en, title="Heat network", status="funded")
    html = client.get(index_en.url).content.decode()
    assert "Heat network, Spremberg, status: Funded" in html
    assert "Schematic map: outlines simplified" in html


def test_the_edit_form_draws_the_location_picker_with_its_script(admin_client, index_de):
    project = ProjectPageFactory(parent=index_de)
    html = admin_client.get(f"/admin/pages/{project.pk}/edit/").content.decode()
    assert "data-project-location" in html
    assert html.count('class="map-district__area" data-district=') == len(District.values)
    assert "js/project-location" in html and "css/project-location" in html
    # The fields stay: the drawing is an extra for a pointer, hidden from screen readers.
    assert 'name="latitude"' in html and 'name="longitude"' in html
    assert 'viewBox="0 0 600' in html and 'aria-hidden="true" focusable="false"' in html
    projection = geo.projection()
    assert geo.to_map(14.0, 52.0) == (
        round((14.0 - projection["west"]) * projection["x_per_degree"], 1),
        round((projection["north"] - 52.0) * projection["y_per_degree"], 1),
    )


def test_the_create_form_has_the_picker_too(admin_client, index_de):
    html = admin_client.get(f"/admin/pages/add/projects/projectpage/{index_de.pk}/").content
    assert b"data-project-location" in html


def test_the_map_pages_are_valid_html(client, java, tmp_path, index_de):  # noqa: F811
    """The inline SVG (links with <title>, aria on SVG elements) passes the Nu checker."""
    project = ProjectPageFactory(parent=index_de, district="cottbus", latitude=Decimal("51.76"))
    paths = [index_de.url, index_de.url + "?district=cottbus&status=planning", project.url]
    files = []
    for number, path in enumerate(paths):
        file = tmp_path / f"{number}.html"
        file.write_bytes(client.get(path).content)
        files.append(file)
    assert [m["message"] for m in validate(java, files)] == []


def queries(client, url):
    client.get(url)  # the cards' fragments are cached now; the map is drawn every time
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_map_costs_the_same_queries_for_one_marker_and_for_sixteen(client, index_de):
    ProjectPageFactory(parent=index_de)
    one = queries(client, index_de.url)
    for _ in range(15):
        ProjectPageFactory(parent=index_de)
    assert queries(client, index_de.url) == one
