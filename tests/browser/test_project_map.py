"""The project map in Chromium, on the demo site's projects (projects/demo.py): axe finds
nothing on the listing with its map or on a project page, German and English; the keyboard
reaches the district links and the markers, and Enter on a marker opens its project; no
request leaves the origin while the map is loaded and used; and in the admin, a click in the
location picker fills in coordinates that lie in the district clicked.
"""

from urllib.parse import urlsplit

import pytest

from projects import geo
from projects.choices import District
from projects.districts_outline import district_at
from tests.browser.conftest import admin_tab
from tests.browser.test_accessibility import describe, run_axe

pytestmark = pytest.mark.browser

INDEXES = {"de": "/de/projekte/", "en": "/en/projects/"}
FOCUSED = (
    "() => { const el = document.activeElement; const area = el.closest('.map-district, "
    ".map-marker'); return {kind: area ? area.getAttribute('class').split(' ')[0] : el.tagName,"
    " href: el.getAttribute('href'), name: el.querySelector('title')?.textContent || ''}; }"
)
MARKERS = "() => [...document.querySelectorAll('a.map-marker')].map(a => a.getAttribute('href'))"


def project_paths(tab, demo_server, language):
    tab.goto(demo_server + INDEXES[language])
    paths = tab.evaluate(MARKERS)
    # The demo has projects in all five districts: a map without them tests nothing.
    assert len(paths) >= 5, "the demo projects are missing (projects/demo.py)"
    return paths


@pytest.mark.parametrize("language", ["de", "en"])
def test_axe_finds_nothing_on_the_map_listing_and_a_project_page(
    demo_server,
    page,
    axe_source,  # noqa: F811
    language,
):
    first_project = project_paths(page, demo_server, language)[0]
    district = f"{INDEXES[language]}?district={District.SPREE_NEISSE}"
    problems = []
    for path in [INDEXES[language], district, first_project]:
        response = page.goto(demo_server + path)
        assert response.status == 200, path
        assert page.locator(".project-map__svg").count() == 1, path
        result = run_axe(page, axe_source)
        assert len(result["passes"]) > 10, path
        problems += describe(path, result["violations"])
    assert problems == []


def tab_until(tab, matches, limit=80):
    for _ in range(limit):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED)
        if matches(focused):
            return focused
    raise AssertionError(f"not reachable with {limit} Tab presses")


@pytest.mark.parametrize("language", ["de", "en"])
def test_tab_reaches_districts_then_markers_and_enter_opens_the_project(
    demo_server, page, language
):
    markers = project_paths(page, demo_server, language)
    page.goto(demo_server + INDEXES[language])
    first = tab_until(page, lambda f: f["kind"] == "map-district")
    assert first["href"] == f"{INDEXES[language]}?district={District.values[0]}"
    # The focus is visible: the area's outline turns to the focus colour and widens.
    stroke = page.evaluate(
        "() => getComputedStyle(document.activeElement.querySelector('path')).strokeWidth"
    )
    assert stroke == "5px"
    districts = [first]
    while districts[-1]["kind"] == "map-district":
        page.keyboard.press("Tab")
        districts.append(page.evaluate(FOCUSED))
    marker = districts.pop()
    assert len(districts) == len(District.values)
    assert marker["kind"] == "map-marker" and marker["href"] == markers[0]
    assert marker["name"]  # title, municipality and status
    ring = page.evaluate(
        "() => getComputedStyle(document.activeElement.querySelector('.map-marker__ring'))"
        ".strokeWidth"
    )
    assert ring == "3.5px"
    # Every marker is a stop, in the order of the map, then the list follows.
    seen = [marker["href"]]
    for _ in markers[1:]:
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED)["href"])
    assert seen == markers
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(demo_server + markers[-2])
    assert page.locator(".project-map--single .map-marker").count() == 1


def test_the_map_asks_no_other_host_for_anything_and_fits_a_phone(demo_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    tab = context.new_page()
    for language in ("de", "en"):
        paths = project_paths(tab, demo_server, language)
        tab.wait_for_load_state("networkidle")
        # On a phone the map fits the screen: nothing scrolls sideways.
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
        assert tab.locator(".project-map__svg").bounding_box()["width"] > 300
        tab.locator("a.map-district").nth(2).click()
        tab.wait_for_load_state("networkidle")
        assert "district=" in tab.url
        tab.locator("a.map-marker").first.hover()
        tab.locator("a.map-marker").first.click()
        tab.wait_for_load_state("networkidle")
        assert tab.locator(".project-map--single").count() == 1
        tab.goto(demo_server + paths[-1])
        tab.wait_for_load_state("networkidle")
    context.close()
    web = [urlsplit(url) for url in requests if urlsplit(url).scheme in ("http", "https")]
    hosts = {url.hostname for url in web}
    assert hosts == {"127.0.0.1"}
    assert any(url.endswith(".css") for url in requests)


# --- The admin's location picker (projects/panels.py, static/js/project-location.js) ------

TOWNS = {
    District.ELBE_ELSTER: (13.45, 51.62),  # between Herzberg and Finsterwalde
    District.SPREE_NEISSE: (14.45, 51.56),  # east of Spremberg
    District.DAHME_SPREEWALD: (13.70, 52.15),
}


@pytest.fixture
def editor(browser, demo_server):
    with admin_tab(browser, demo_server, "de-DE") as tab:
        yield tab


def first_project_edit_url(editor, demo_server):
    """The edit view of the first German demo project, found through the admin's page API
    (which filters by slug and parent, not by page type)."""
    api = f"{demo_server}/admin/api/main/pages/"
    (index,) = editor.request.get(f"{api}?slug=projekte&locale=de").json()["items"]
    project = editor.request.get(f"{api}?child_of={index['id']}&limit=1").json()["items"][0]
    assert project["meta"]["type"] == "projects.ProjectPage"
    return f"{demo_server}/admin/pages/{project['id']}/edit/"


def test_clicking_the_location_map_fills_in_a_point_of_the_district_clicked(editor, demo_server):
    editor.goto(first_project_edit_url(editor, demo_server))
    svg = editor.locator(".project-location .project-location-map svg")
    svg.scroll_into_view_if_needed()
    marker = editor.locator(".project-location-map__marker")
    for district, (longitude, latitude) in TOWNS.items():
        box = svg.bounding_box()
        x, y = geo.to_map(longitude, latitude)
        editor.mouse.click(
            box["x"] + x * box["width"] / geo.MAP_WIDTH,
            box["y"] + y * box["height"] / geo.MAP_HEIGHT,
        )
        filled_latitude = editor.input_value("input[name=latitude]")
        filled_longitude = editor.input_value("input[name=longitude]")
        assert len(filled_latitude.split(".")[1]) == 5
        assert district_at(filled_longitude, filled_latitude) == district
        assert abs(float(filled_longitude) - longitude) < 0.01
        assert abs(float(filled_latitude) - latitude) < 0.01
        assert marker.get_attribute("visibility") == "visible"
        # A point in another district than the one chosen is pointed out, never changed.
        chosen = editor.input_value("select[name=district]")
        status = editor.locator(".project-location-map__status").inner_text()
        assert "Breite" in status
        assert ("Landkreis prüfen" in status) == (district != chosen), (district, chosen, status)


def test_typed_coordinates_move_the_marker_and_the_fields_stay(editor, demo_server):
    editor.goto(first_project_edit_url(editor, demo_server))
    editor.fill("input[name=latitude]", "51.76")
    editor.fill("input[name=longitude]", "14.33")
    x, y = geo.to_map(14.33, 51.76)
    marker = editor.locator(".project-location-map__marker")
    assert marker.get_attribute("transform") == f"translate({x:.1f} {y:.1f})"
    editor.fill("input[name=latitude]", "")
    assert marker.get_attribute("visibility") == "hidden"
    # The picker says what it is: an aid for a pointer beside the fields.
    assert "Zeigehilfe" in editor.locator(".project-location-map__help").inner_text()
