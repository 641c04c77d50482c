from .images import CustomImage, CustomRendition
from .pages import HomePage, StandardPage
from .search import SearchPage
from .site_settings import SiteSettings
from .topics import Topic

__all__ = [
    "CustomImage",
    "CustomRendition",
    "HomePage",
    "SearchPage",
    "SiteSettings",
    "StandardPage",
    "Topic",
]
