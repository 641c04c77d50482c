from news.models.articles import NewsIndexPage, NewsPage
from news.models.contacts import PressContact
from news.models.events import EventIndexPage, EventPage
from news.models.press import PressPage
from news.models.registrations import EventRegistration, RegistrationStatus

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "NewsIndexPage",
    "NewsPage",
    "PressContact",
    "PressPage",
    "RegistrationStatus",
]
