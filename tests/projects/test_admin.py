"""An editor creates a project in the admin: coordinates typed in, field errors in German
for a point outside the Lausitz, nothing saved until the form is right; an article names
projects of its own language."""

from html import unescape

import pytest

from home.models import Topic
from news.models import NewsIndexPage, NewsPage
from projects.models import ProjectPage
from tests.editor.admin_forms import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(admin_client, admin_user):
    admin_client.user = admin_user
    return admin_client


def new_project_data(index, user, **overrides):
    fields = {
        "title": "Solarpark am Tagebaurand",
        "slug": "",
        "summary": "Ein Solarpark auf einer früheren Bergbaufläche.",
        "district": "oberspreewald-lausitz",
        "municipality": "Großräschen",
        "latitude": "51.58700",
        "longitude": "14.01100",
        "status": "funded",
        "funding_amount": "4200000",
        "topics": [str(Topic.objects.get(locale=index.locale, slug="energie-und-waerme").pk)],
        "action-publish": "action-publish",
        **overrides,
    }
    return edit_form_data(ProjectPage(locale=index.locale), user, **fields)


def test_editor_publishes_a_project_with_typed_coordinates(admin, project_index_de):
    data = new_project_data(project_index_de, admin.user)
    response = admin.post(f"/admin/pages/add/projects/projectpage/{project_index_de.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    project = ProjectPage.objects.get(title="Solarpark am Tagebaurand")
    assert project.live
    assert project.slug == "solarpark-am-tagebaurand"
    assert str(project.latitude) == "51.58700"
    assert [topic.slug for topic in project.topics.all()] == ["energie-und-waerme"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"latitude": "14.01100", "longitude": "51.58700"}, "latitude", "außerhalb der Lausitz"),
        ({"latitude": "", "longitude": ""}, "latitude", "Breitengrad"),
        ({"district": "berlin"}, "district", "gültige Auswahl"),
        ({"latitude": "einundfünfzig"}, "latitude", "Zahl"),
    ],
)
def test_a_wrong_location_gets_a_field_error_and_nothing_is_saved(
    admin, project_index_de, overrides, field, message
):
    data = new_project_data(project_index_de, admin.user, **overrides)
    response = admin.post(f"/admin/pages/add/projects/projectpage/{project_index_de.pk}/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    assert message in unescape(response.content.decode())
    assert not ProjectPage.objects.filter(title="Solarpark am Tagebaurand").exists()


def test_an_article_refuses_a_project_of_another_language(admin, add_project):
    project = add_project(translate=True)
    english = ProjectPage.objects.get(
        translation_key=project.translation_key, locale__language_code="en"
    )
    article = NewsPage.objects.child_of(NewsIndexPage.objects.get(slug="aktuelles")).first()
    data = edit_form_data(article, admin.user, projects=[str(english.pk)])
    response = admin.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 200
    assert "Nur Seiten in der Sprache dieser Seite" in " ".join(
        response.context["form"].errors["projects"]
    )
    data = edit_form_data(article, admin.user, projects=[str(project.pk)])
    response = admin.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302
    article = NewsPage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [p.pk for p in article.projects.all()] == [project.pk]
