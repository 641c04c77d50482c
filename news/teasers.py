"""What the news app contributes to the home page."""

from django.db.models import Case, When
from django.utils import timezone

from home.chrome.cache import home_child
from home.i18n import page_language, public
from home.listings.pages import with_images_and_topics
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from news.recurrence import SERIES_SLOTS
from news.recurrence_fields import by_next_date, upcoming_q

HOME_TEASER_COUNT = 3


def latest_news(request, home_page):
    """The newest three live articles of the home page's language, with their index page."""
    articles = public(NewsPage.objects.live().filter(locale_id=home_page.locale_id)).order_by(
        "-date", "-pk"
    )
    items = list(with_images_and_topics(articles, page_language(home_page))[:HOME_TEASER_COUNT])
    index_page = home_child(request, home_page, NewsIndexPage)
    return {"items": items, "index_page": index_page, "images": card_images(items)}


def upcoming_events(request, home_page):
    """The next three events of the home page's language that have not ended, by the date
    each shows next. Repeating events come first in the query (their next date is computed
    here, not in SQL), so that the slice holds all of them (up to ``SERIES_SLOTS``) and the
    first single events."""
    now = timezone.now()
    events = public(
        EventPage.objects.live().filter(upcoming_q(now), locale_id=home_page.locale_id)
    ).order_by(Case(When(repeat="", then=1), default=0), "start", "pk")
    candidates = with_images_and_topics(events, page_language(home_page))
    items = by_next_date(candidates[: HOME_TEASER_COUNT + SERIES_SLOTS], now)[:HOME_TEASER_COUNT]
    index_page = home_child(request, home_page, EventIndexPage)
    return {"items": items, "index_page": index_page, "images": card_images(items)}


def card_images(items) -> list:
    """The images the cards show; the home page fetches their renditions with those of the
    other teasers in one query."""
    return [item.hero_image for item in items if item.hero_image_id]
