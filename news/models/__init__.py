from news.models.articles import NewsIndexPage, NewsPage
from news.models.contacts import PressContact
from news.models.events import EventIndexPage, EventPage

__all__ = ["EventIndexPage", "EventPage", "NewsIndexPage", "NewsPage", "PressContact"]
