"""An article's topics stay in step across languages, through wagtail-localize's sync."""

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from home.models import Topic
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def english_slugs(client, topic):
    response = client.get(f"/en/news/?topic={topic}")
    assert response.status_code == 200
    return {article.slug for article in response.context["articles"]}


def test_changing_german_topics_and_syncing_changes_english_topics(
    client, admin_client, german, english, django_capture_on_commit_callbacks
):
    german_page = NewsPage.objects.get(slug="foerderung-fuer-gruenderzentrum")
    english_page = german_page.get_translation(english)
    assert "funding-for-a-start-up-centre" in english_slugs(client, "economy")

    energy = Topic.objects.get(locale=german, slug="energie-und-waerme")
    german_page.topics.set([energy])
    with django_capture_on_commit_callbacks(execute=True):
        german_page.save_revision().publish()
        source = TranslationSource.objects.get(object_id=german_page.translation_key)
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {}
        )
    assert response.status_code == 302

    english_page.refresh_from_db()
    assert [t.slug for t in english_page.topics.all()] == ["energy-and-heat"]
    assert "funding-for-a-start-up-centre" in english_slugs(client, "energy-and-heat")
    assert "funding-for-a-start-up-centre" not in english_slugs(client, "economy")
    html = client.get(english_page.url).content.decode()
    assert 'href="/en/news/?topic=energy-and-heat"' in html

    # Publishing the English page later (translation editor path) keeps the new topics.
    translation = Translation.objects.get(source=source, target_locale=english)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    english_page.refresh_from_db()
    assert [t.slug for t in english_page.topics.all()] == ["energy-and-heat"]


def test_a_topic_translated_after_the_article_reaches_the_english_article(
    client, german, english, django_capture_on_commit_callbacks
):
    """Listings read the topics attached in the page's own language (one query); a topic
    translated later is copied onto the translations when it is published."""
    from tests.helpers import translate_with_localize

    topic = Topic(locale=german, name="Wasserstoff", slug="wasserstoff")
    topic.save()
    topic.save_revision().publish()
    german_page = NewsPage.objects.get(slug="foerderung-fuer-gruenderzentrum")
    german_page.topics.set([topic])
    with django_capture_on_commit_callbacks(execute=True):
        german_page.save_revision().publish()
    english_page = german_page.get_translation(english)
    assert "Hydrogen" not in client.get(english_page.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        english_topic = translate_with_localize(
            topic, rewrite=lambda text: {"Wasserstoff": "Hydrogen"}.get(text, text)
        )
    english_topic.refresh_from_db()
    if english_topic.slug == "wasserstoff":  # the slug is a translatable segment too
        english_topic.slug = "hydrogen"
        english_topic.save_revision().publish()
    assert english_topic.live and english_topic.name == "Hydrogen"
    html = client.get(english_page.url).content.decode()
    assert "Hydrogen" in html
    assert any(
        a.slug == english_page.slug
        for a in client.get(f"/en/news/?topic={english_topic.slug}").context["articles"]
    )
