"""Topics on the page edit form: checkboxes with the topics of the page's language only.

Through Wagtail's own create and edit views: a German page offers the German topics, an
English page the English ones, and a topic of another language posted by hand is refused
next to the field, with nothing saved."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Revision

from home.models import Topic
from home.topics.panels import WRONG_LANGUAGE
from news.models import NewsIndexPage, NewsPage
from tests.editor.admin_forms import edit_form_data

pytestmark = pytest.mark.django_db

CHECKBOX = re.compile(r'<input type="checkbox" name="topics" value="(\d+)"')
SELECT = re.compile(r'<select[^>]*name="topics"')


def offered_topics(html: str) -> set[int]:
    return {int(pk) for pk in CHECKBOX.findall(html)}


def topic_ids(language: str) -> set[int]:
    return set(Topic.objects.filter(locale__language_code=language).values_list("pk", flat=True))


@pytest.fixture
def article(german):
    return NewsPage.objects.filter(locale=german).first()


def test_german_page_offers_only_german_topics_as_checkboxes(editor, article):
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert not SELECT.search(html), "no multi-select that needs Ctrl-click"
    assert offered_topics(html) == topic_ids("de")
    assert not offered_topics(html) & topic_ids("en")
    for topic in article.topics.all():  # the page's topics are ticked
        assert re.search(rf'value="{topic.pk}"[^>]*checked', html)


@pytest.mark.parametrize("language", ["de", "en"])
def test_new_page_offers_the_topics_of_its_parents_language(admin_client, language):
    index = NewsIndexPage.objects.get(locale__language_code=language)
    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk])
    )
    assert response.status_code == 200
    offered = offered_topics(response.content.decode())
    assert offered and offered == topic_ids(language)


def test_english_topic_posted_to_a_german_page_is_refused_next_to_the_field(editor, article):
    english_topic = Topic.objects.filter(locale__language_code="en").first()
    revisions = Revision.page_revisions.filter(object_id=str(article.pk)).count()
    data = edit_form_data(article, editor.user, topics=[str(english_topic.pk)])
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["topics"] == [
        "Es können nur Themen in der Sprache dieser Seite gewählt werden; "
        "wählen Sie aus der angezeigten Liste."
    ]
    assert str(WRONG_LANGUAGE) == form.errors["topics"][0]
    assert Revision.page_revisions.filter(object_id=str(article.pk)).count() == revisions
    assert english_topic not in NewsPage.objects.get(pk=article.pk).topics.all()


def test_german_topic_is_saved(editor, article):
    topic = Topic.objects.filter(locale__language_code="de").exclude(
        pk__in=article.topics.values("pk")
    )[0]
    data = edit_form_data(article, editor.user, topics=[str(topic.pk)])
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302
    draft = NewsPage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert list(draft.topics.all()) == [topic]
