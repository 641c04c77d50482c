"""Campaign factories: a campaign page and film pages under it."""

import factory
import wagtail_factories

from campaign.models import CampaignPage, FilmPage
from tests.factories.films import FilmFactory
from tests.factories.topics import set_topics


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Testkampagne {n}")
    slug = factory.Sequence(lambda n: f"testkampagne-{n}")
    claim = "Test"

    class Meta:
        model = CampaignPage


class FilmPageFactory(wagtail_factories.PageFactory):
    """A film page with its own live film and two topics of its language."""

    title = factory.Sequence(lambda n: f"Filmseite {n}")
    slug = factory.Sequence(lambda n: f"filmseite-{n}")
    film = factory.SubFactory(FilmFactory)
    intro = "Kurz."

    class Meta:
        model = FilmPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        set_topics(self, create, extracted)
