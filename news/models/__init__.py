from news.models.articles import NewsIndexPage, NewsPage
from news.models.contacts import PressContact
from news.models.events import EventIndexPage, EventPage
from news.models.press import PressPage

__all__ = ["EventIndexPage", "EventPage", "NewsIndexPage", "NewsPage", "PressContact", "PressPage"]
