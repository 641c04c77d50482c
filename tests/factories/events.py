"""Event factories: fully loaded (image, topics) by default."""

import datetime

import factory
import wagtail_factories

from news.event_choices import BERLIN
from news.models import EventPage
from tests.factories.images import ImageFactory
from tests.factories.topics import set_topics


def berlin(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Testveranstaltung {n}")
    slug = factory.Sequence(lambda n: f"testveranstaltung-{n}")
    start = factory.Sequence(lambda n: berlin(2030, 1, 1, 10) + datetime.timedelta(days=n))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    teaser = "Eine Testveranstaltung."
    venue_name = "Testsaal"
    venue_address = "Teststraße 1, 03046 Cottbus"
    organiser = "Testagentur"
    hero_image = factory.SubFactory(ImageFactory)

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        set_topics(self, create, extracted)
