"""The project listing: district, topic and status filters, alone and combined, pagination,
and bad query strings answered with 404."""

import pytest
from wagtail.models import Locale

from home.models import Topic
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_projects(request, add_project):
    """Only these three projects are live: the demo's are removed for exact sets. Tests of
    the English listing ask for translations (``english`` in their name)."""
    translate = "english" in request.node.name
    ProjectPage.objects.all().delete()
    energy, economy = (
        Topic.objects.get(locale__language_code="de", slug=slug)
        for slug in ("energie-und-waerme", "wirtschaft")
    )
    return {
        "heat": add_project(
            translate=translate,
            title="Wärmeplan Forst",
            district="spree-neisse",
            status="planning",
            topics=[energy],
        ),
        "park": add_project(
            translate=translate,
            title="Gewerbepark Finsterwalde",
            district="elbe-elster",
            latitude="51.63400",
            longitude="13.70780",
            status="under-construction",
            topics=[economy],
        ),
        "grid": add_project(
            translate=translate,
            title="Wärmenetz Cottbus",
            district="cottbus",
            latitude="51.75630",
            longitude="14.33290",
            status="under-construction",
            topics=[energy, economy],
        ),
    }


def listed(client, url) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return {project.title for project in response.context["projects"]}


def test_without_filters_every_live_project_is_listed(client, project_index_de, three_projects):
    assert listed(client, project_index_de.url) == {
        "Wärmeplan Forst",
        "Gewerbepark Finsterwalde",
        "Wärmenetz Cottbus",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("district=cottbus", {"Wärmenetz Cottbus"}),
        ("status=under-construction", {"Gewerbepark Finsterwalde", "Wärmenetz Cottbus"}),
        ("topic=energie-und-waerme", {"Wärmeplan Forst", "Wärmenetz Cottbus"}),
        (
            "topic=wirtschaft&status=under-construction",
            {"Gewerbepark Finsterwalde", "Wärmenetz Cottbus"},
        ),
        ("topic=energie-und-waerme&status=under-construction", {"Wärmenetz Cottbus"}),
        ("district=elbe-elster&topic=energie-und-waerme", set()),
        ("district=spree-neisse&topic=energie-und-waerme&status=planning", {"Wärmeplan Forst"}),
        (
            "district=&status=&topic=",
            {"Wärmeplan Forst", "Gewerbepark Finsterwalde", "Wärmenetz Cottbus"},
        ),
    ],
)
def test_filters_combine(client, project_index_de, three_projects, query, expected):
    assert listed(client, f"{project_index_de.url}?{query}") == expected


def test_english_listing_filters_with_english_topic_slugs(client, project_index_en, three_projects):
    assert listed(client, f"{project_index_en.url}?topic=energy-and-heat&district=cottbus") == {
        "EN Wärmenetz Cottbus"
    }
    assert client.get(f"{project_index_en.url}?topic=energie-und-waerme").status_code == 404


def test_no_match_says_so_and_offers_all(client, project_index_de, three_projects):
    response = client.get(f"{project_index_de.url}?district=dahme-spreewald")
    html = response.content.decode()
    assert response.status_code == 200
    assert "0 Projekte" in html or "0 projects" in html
    assert f'href="{project_index_de.url}"' in html


@pytest.mark.parametrize(
    "query",
    [
        "district=brandenburg",
        "district=Cottbus",
        "status=done",
        "topic=unbekannt",
        "topic=%00",
        "district=%00",
        "page=0",
        "page=abc",
        "page=99",
        "status=" + "x" * 5000,
    ],
)
def test_bad_parameters_are_404(client, project_index_de, three_projects, query):
    assert client.get(f"{project_index_de.url}?{query}").status_code == 404


@pytest.mark.parametrize("export", ["geojson/", "csv/"])
def test_bad_parameters_on_exports_are_404(client, project_index_de, three_projects, export):
    assert client.get(f"{project_index_de.url}{export}?district=mars").status_code == 404


def test_pagination_keeps_the_filters(client, project_index_de, add_project):
    ProjectPage.objects.all().delete()
    for number in range(14):
        add_project(title=f"Projekt {number:02}", district="cottbus")
    add_project(title="Anderswo", district="elbe-elster")
    first = client.get(f"{project_index_de.url}?district=cottbus")
    assert len(first.context["projects"]) == 12
    html = first.content.decode()
    assert "?district=cottbus&amp;page=2" in html
    second = client.get(f"{project_index_de.url}?district=cottbus&page=2")
    assert {project.title for project in second.context["projects"]} == {"Projekt 12", "Projekt 13"}
    # The map shows every project that matches, not only those of the current page.
    assert len(first.context["markers"]) == 14


def test_drafts_and_other_languages_are_not_listed(client, project_index_de, add_project):
    ProjectPage.objects.all().delete()
    live = add_project(title="Veröffentlicht", translate=True)
    draft = add_project(title="Entwurf")
    draft.unpublish()
    assert listed(client, project_index_de.url) == {"Veröffentlicht"}
    english = live.get_translation(Locale.objects.get(language_code="en"))
    assert english.title not in listed(client, project_index_de.url)
