"""Film factories: a live German film with an external (Vimeo) source and a poster.

External sources need no file on disk; tests that need a self-hosted file build one with
``tests.film_files``.
"""

import itertools

import factory
from wagtail.models import Locale

from home.models import Film, FilmSource
from tests.factories.images import PosterFactory

VIMEO_IDS = itertools.count(1)


class FilmFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Film {n}")
    description = "Ein Testfilm."
    duration = 30
    transcript = "Text."
    poster = factory.SubFactory(PosterFactory)
    host_captions_confirmed = True
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="de"))

    class Meta:
        model = Film

    @classmethod
    def _create(cls, model_class, *args, sources=None, **kwargs):
        """Saved with its sources (``sources=[FilmSource(...)]``, or one Vimeo address) and
        published: a live film without a source is refused by ``Film.save``."""
        film = model_class(*args, **kwargs)
        film.sources = sources or [
            FilmSource(language="de", external_url=f"https://vimeo.com/{next(VIMEO_IDS)}")
        ]
        film.save()
        film.save_revision().publish()
        return film
