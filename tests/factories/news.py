"""Factories for news articles: each fully loaded (image, topics, contact) by default."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from news.models import NewsPage, PressContact
from tests.factories.images import ImageFactory
from tests.factories.topics import set_topics


class PressContactFactory(factory.django.DjangoModelFactory):
    name = "Testpresse"
    role = "Pressestelle"
    organisation = "Testagentur"
    phone = "+49 355 1234"
    email = "presse@example.org"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="de"))

    class Meta:
        model = PressContact


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Testartikel {n}")
    slug = factory.Sequence(lambda n: f"testartikel-{n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    kind = "news"
    teaser = "Ein kurzer Anreißer."
    hero_image = factory.SubFactory(ImageFactory)
    hero_alt = "Ein Testbild"
    press_contact = factory.SubFactory(PressContactFactory)

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        set_topics(self, create, extracted)
