"""Topic factories, and the post-generation step that gives a page its topics."""

import factory
from wagtail.models import Locale

from home.models import Topic


class TopicFactory(factory.django.DjangoModelFactory):
    """A live German topic (translate it with ``tests.helpers.translate_with_localize``)."""

    name = factory.Sequence(lambda n: f"Testthema {n}")
    slug = factory.Sequence(lambda n: f"testthema-{n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="de"))
    live = True

    class Meta:
        model = Topic


def set_topics(page, create, topics=None):
    """Post-generation for page factories: the given topics, or two of the page's language."""
    if topics is None:
        topics = list(Topic.objects.filter(locale=page.locale)[:2])
    if topics:
        page.topics.set(topics)
        if create:
            page.save()
