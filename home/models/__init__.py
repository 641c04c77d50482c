from .films import Film, FilmCaptionTrack, FilmSource
from .glossary import GlossaryTerm
from .images import CustomImage, CustomRendition
from .pages import HomePage, StandardPage
from .reviews import TranslationReview
from .search import SearchPage
from .site_settings import SiteSettings
from .topics import Topic

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
