"""Every model of the ``home`` app, for Django's app loading.

Django imports ``<app>.models``; the models themselves live in the folder of their feature
(films, search, translation, images, topics, pages). Code of the app imports a model from
its feature's module, never from here: this module depends on every feature, so importing
it from one of them would tie the folders in a circle. Other apps may use it.
"""

from home.films.encoding import FilmEncoding, FilmPublishRequest
from home.films.models import Film, FilmCaptionTrack, FilmSource
from home.images.models import CustomImage, CustomRendition
from home.pages.models import HomePage, StandardPage
from home.pages.site_settings import SiteSettings
from home.search.models import SearchPage
from home.topics.models import Topic
from home.translation.models import GlossaryTerm, TranslationReview

__all__ = [
    "CustomImage",
    "CustomRendition",
    "Film",
    "FilmCaptionTrack",
    "FilmEncoding",
    "FilmPublishRequest",
    "FilmSource",
    "GlossaryTerm",
    "HomePage",
    "SearchPage",
    "SiteSettings",
    "StandardPage",
    "Topic",
    "TranslationReview",
]
