from home.models.films import Film, FilmCaptionTrack, FilmSource
from home.models.glossary import GlossaryTerm
from home.models.images import CustomImage, CustomRendition
from home.models.pages import HomePage, StandardPage
from home.models.reviews import TranslationReview
from home.models.search import SearchPage
from home.models.site_settings import SiteSettings
from home.models.topics import Topic

__all__ = [
    "CustomImage",
    "CustomRendition",
    "Film",
    "FilmCaptionTrack",
    "FilmSource",
    "GlossaryTerm",
    "HomePage",
    "SearchPage",
    "SiteSettings",
    "StandardPage",
    "Topic",
    "TranslationReview",
]
