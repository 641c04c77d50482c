from .articles import NewsIndexPage, NewsPage
from .contacts import PressContact

__all__ = ["NewsIndexPage", "NewsPage", "PressContact"]
