"""Project fixtures: the demo's project index (made here if the demo has none), and fully
loaded projects with a live English translation."""

import pytest
from wagtail.models import Locale

from home.models import Topic
from projects.models import ProjectIndexPage
from tests.factories.projects import ProjectIndexPageFactory, ProjectPageFactory
from tests.helpers import translate_with_localize


@pytest.fixture
def project_index_de(db, home_de, django_capture_on_commit_callbacks):
    index = ProjectIndexPage.objects.filter(locale__language_code="de").first()
    if index is None:
        index = ProjectIndexPageFactory(parent=home_de)
        with django_capture_on_commit_callbacks(execute=True):
            translate_with_localize(index, rewrite=lambda text: "Projects")
    return index


@pytest.fixture
def project_index_en(project_index_de):
    return project_index_de.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def add_project(project_index_de, django_capture_on_commit_callbacks):
    """``add_project(translate=False, **fields)``: a German project with image and two
    topics, published; with ``translate``, also its live English translation ("EN " before
    every text)."""

    def add(translate=False, **fields):
        fields.setdefault("topics", list(Topic.objects.filter(locale__language_code="de")[:2]))
        project = ProjectPageFactory(parent=project_index_de, **fields)
        project.save_revision().publish()
        if translate:
            with django_capture_on_commit_callbacks(execute=True):
                translate_with_localize(project)
        return project

    return add
