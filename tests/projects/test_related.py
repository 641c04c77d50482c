"""Related content both ways: an article or event names projects; a project lists its news
and events, live, in the reader's language; query counts constant in the number of items."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from news.models import EventIndexPage, NewsIndexPage
from projects.models import ProjectPage
from tests.factories.events import EventPageFactory
from tests.factories.news import NewsPageFactory
from tests.helpers import count_queries, translate_with_localize

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def name_project(django_capture_on_commit_callbacks):
    """``name_project(kind, project, translate=True, **fields)``: a German article ("news")
    or event ("event") naming ``project``, published, optionally translated."""

    def make(kind, project, translate=True, **fields):
        if kind == "news":
            page = NewsPageFactory(parent=NewsIndexPage.objects.get(slug="aktuelles"), **fields)
        else:
            start = timezone.now() + datetime.timedelta(days=30)
            page = EventPageFactory(
                parent=EventIndexPage.objects.get(slug="veranstaltungen"),
                start=start,
                end=start + datetime.timedelta(hours=3),
                **fields,
            )
        page.projects.set([project])
        page.save_revision().publish()
        if translate:
            with django_capture_on_commit_callbacks(execute=True):
                translate_with_localize(page)
        return page

    return make


def test_project_lists_its_news_and_events_in_the_readers_language(
    client, add_project, name_project, english
):
    project = add_project(translate=True, title="Wärmenetz Guben")
    article = name_project("news", project, title="Guben plant sein Wärmenetz")
    event = name_project("event", project, title="Bürgerabend Wärmenetz")

    german_page = client.get(project.url).content.decode()
    assert "Guben plant sein Wärmenetz" in german_page
    assert "Bürgerabend Wärmenetz" in german_page
    assert "EN Guben" not in german_page

    english_project = project.get_translation(english)
    english_page = client.get(english_project.url).content.decode()
    assert "EN Guben plant sein Wärmenetz" in english_page
    assert "EN Bürgerabend Wärmenetz" in english_page
    assert f'href="{article.get_translation(english).url}"' in english_page
    assert f'href="{event.get_translation(english).url}"' in english_page


def test_article_and_event_name_the_project_in_the_readers_language(
    client, add_project, name_project, english
):
    project = add_project(translate=True, title="Wärmenetz Guben")
    article = name_project("news", project)
    event = name_project("event", project)
    english_project = project.get_translation(english)
    for page in (article, event):
        german_html = client.get(page.url).content.decode()
        assert f'href="{project.url}"' in german_html
        english_html = client.get(page.get_translation(english).url).content.decode()
        assert f'href="{english_project.url}"' in english_html
        assert f'href="{project.url}"' not in english_html


def test_untranslated_or_draft_pages_are_left_out(client, add_project, name_project, english):
    project = add_project(translate=True, title="Radweg Spreewald")
    name_project("news", project, translate=False, title="Nur auf Deutsch")
    draft = name_project("news", project, title="Später zurückgezogen")
    draft.get_translation(english).unpublish()
    english_html = client.get(project.get_translation(english).url).content.decode()
    assert "Nur auf Deutsch" not in english_html
    assert "EN Später zurückgezogen" not in english_html
    german_html = client.get(project.url).content.decode()
    assert "Nur auf Deutsch" in german_html and "Später zurückgezogen" in german_html

    project.get_translation(english).unpublish()
    article_html = client.get(draft.url).content.decode()
    assert project.title in article_html  # the German project is live
    english_article = name_project("news", project).get_translation(english)
    assert "Radweg Spreewald" not in client.get(english_article.url).content.decode()


def test_the_german_page_owns_the_links(client, add_project, name_project, english):
    """An English translation whose own copy of the field is stale still shows what the
    German page names (wagtail-localize copies the field once and never again)."""
    first = add_project(translate=True, title="Erstes Projekt")
    second = add_project(translate=True, title="Zweites Projekt")
    article = name_project("news", first)
    article.projects.set([second])
    article.save_revision().publish()
    english_html = client.get(article.get_translation(english).url).content.decode()
    assert "EN Zweites Projekt" in english_html
    assert "EN Erstes Projekt" not in english_html
    first_html = client.get(first.get_translation(english).url).content.decode()
    assert "EN Guben" not in first_html and "news-list" not in first_html


@pytest.mark.parametrize("language", ["de", "en"])
def test_project_page_queries_do_not_grow_with_news_and_events(
    client, add_project, name_project, english, language
):
    project = add_project(translate=True)
    name_project("news", project)
    name_project("event", project)
    url = project.url if language == "de" else project.get_translation(english).url
    one, response = count_queries(client, url)
    for _ in range(4):
        name_project("news", project)
        name_project("event", project)
    five, response = count_queries(client, url)
    mentions = response.context["page"].mentions()
    assert [len(items) for items in mentions.values()] == [5, 5]
    assert five == one


def test_article_queries_do_not_grow_with_its_projects(client, add_project, name_project):
    projects = [add_project(translate=True) for _ in range(4)]
    article = name_project("news", projects[0])
    one, _ = count_queries(client, article.url)
    article.projects.set(projects)
    article.save_revision().publish()
    four, response = count_queries(client, article.url)
    assert len(response.context["page"].projects_in_language()) == 4
    assert four == one


def test_an_editor_sees_only_projects_of_the_pages_language(admin_client, add_project):
    add_project(translate=True, title="Sichtbares Projekt")
    article = NewsPageFactory(parent=NewsIndexPage.objects.get(slug="aktuelles"))
    html = admin_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "Sichtbares Projekt" in html
    assert "EN Sichtbares Projekt" not in html
    assert ProjectPage.objects.filter(title="EN Sichtbares Projekt").exists()
