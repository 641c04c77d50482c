"""RSS 2.0 feed per language, built on Django's syndication framework."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from home.topics.localized import attach_localized_topics


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed
    items_count = 20

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.language = index_page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_url(self.request)

    def feed_url(self):
        return self.index_page.feed_url(self.request)

    def description(self):
        return self.index_page.intro or self.index_page.title

    def items(self):
        articles = self.index_page.articles().prefetch_related("topics")[: self.items_count]
        return attach_localized_topics(articles, self.language)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.published_datetime()

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.name for topic in getattr(item, "localized_topics", [])]
