from .articles import NewsIndexPage, NewsPage
from .contacts import PressContact
from .events import EventIndexPage, EventPage

__all__ = ["EventIndexPage", "EventPage", "NewsIndexPage", "NewsPage", "PressContact"]
