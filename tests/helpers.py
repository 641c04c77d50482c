"""Helpers for tests: translating through wagtail-localize's own models, parsing HTML,
counting a view's queries."""

from html.parser import HTMLParser

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate_with_localize(source, language_code="en", rewrite=None, publish=True):
    """Submit ``source`` for translation and fill every segment (``rewrite(text)``, default:
    prefix "EN "), then save the target as wagtail-localize's editor would."""
    locale = Locale.objects.get(language_code=language_code)
    translation_source, _ = TranslationSource.get_or_create_from_instance(source)
    translation, _ = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale
    )
    translate_every_segment(translation, rewrite)
    translation.save_target(publish=publish)
    return source.get_translation(locale)


def translate_every_segment(translation, rewrite=None):
    """Fill every segment of ``translation`` as a translator would in the editor
    (``rewrite(text)``, default: prefix "EN "), without saving the target: that is the
    reviewer's publish."""
    rewrite = rewrite or (lambda text: f"EN {text}")
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": rewrite(segment.string.data)},
        )


class LinkCollector(HTMLParser):
    """Collects <link>, <a> and <html> attributes of a page."""

    def __init__(self):
        super().__init__()
        self.links, self.anchors, self.html_attrs = [], [], {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "a":
            self.anchors.append(attrs)
        elif tag == "html":
            self.html_attrs = attrs


def parse_links(html: str) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(html)
    return collector


def hreflangs(html: str) -> dict[str, str]:
    return {
        link["hreflang"]: link["href"]
        for link in parse_links(html).links
        if link.get("rel") == "alternate" and "hreflang" in link
    }


def count_queries(client, url, keep=None):
    """The SQL queries of the second view of ``url`` (the first may make renditions and warm
    the caches of locales, content types and site root paths): ``(count, response)``.
    ``keep``, a list, receives the captured queries for a failing test's message."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if keep is not None:
        keep.append(queries.captured_queries)
    assert response.status_code == 200, url
    return len(queries), response


def add_full_article(index, capture, rewrite=None, **fields):
    """An article under ``index`` with image, two topics, a press contact and a live English
    translation: the most a listing card shows. ``fields`` go to the factory."""
    from home.models import Topic
    from tests.factories.news import NewsPageFactory

    topics = list(Topic.objects.filter(locale=index.locale)[:2])
    article = NewsPageFactory(parent=index, topics=topics, **fields)
    with capture(execute=True):
        translate_with_localize(article, rewrite=rewrite)
    return article


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_files(client) -> dict[str, bytes]:
    """Every file the sitemap index at ``/sitemap.xml`` lists: address -> body (each must
    answer 200)."""
    import xml.etree.ElementTree as ET
    from urllib.parse import urlsplit

    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    files = {}
    for loc in ET.fromstring(index.content).iter(f"{SITEMAP_NS}loc"):
        parts = urlsplit(loc.text)
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        assert response.status_code == 200, loc.text
        files[loc.text] = response.content
    return files


def sitemap_text(client) -> str:
    """All sitemap files as one text, for "is this address listed" checks."""
    return "\n".join(body.decode() for body in sitemap_files(client).values())
