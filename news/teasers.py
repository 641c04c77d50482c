"""What the news app contributes to the home page."""

from django.utils import timezone

from home.chrome.cache import home_child
from home.i18n import page_language, public
from home.listings.pages import with_images_and_topics
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage

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
    """The next three events of the home page's language that have not ended."""
    events = public(
        EventPage.objects.live().filter(locale_id=home_page.locale_id, end__gte=timezone.now())
    ).order_by("start", "pk")
    items = list(with_images_and_topics(events, page_language(home_page))[:HOME_TEASER_COUNT])
    index_page = home_child(request, home_page, EventIndexPage)
    return {"items": items, "index_page": index_page, "images": card_images(items)}


def card_images(items) -> list:
    """The images the cards show; the home page fetches their renditions with those of the
    other teasers in one query."""
    return [item.hero_image for item in items if item.hero_image_id]
