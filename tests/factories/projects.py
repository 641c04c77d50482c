"""Factories for projects: each fully loaded (image, topics, location, funding) by default."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories

from projects.models import ProjectIndexPage, ProjectPage
from tests.factories.images import ImageFactory
from tests.factories.topics import set_topics


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Projekte"
    slug = "projekte"

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Testprojekt {n}")
    slug = factory.Sequence(lambda n: f"testprojekt-{n}")
    summary = "Ein kurzes Projekt zum Testen."
    district = "spree-neisse"
    municipality = "Spremberg"
    latitude = Decimal("51.57000")
    longitude = Decimal("14.37000")
    status = "planning"
    funding_programme = "Testprogramm"
    funding_amount = Decimal("250000.00")
    partners = "Stadt Spremberg\nTestverein e. V."
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2028, 12, 31)
    hero_image = factory.SubFactory(ImageFactory)
    hero_alt = "Ein Testbild"

    class Meta:
        model = ProjectPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        set_topics(self, create, extracted)
