"""Search results of one language: promoted pages first, then hits, paginated.

The number of SQL queries does not grow with the number of hits: one page of hits (and a
count once they fill more than a page), one query per page type on the page (specific
fields) and one for their topics where a result's display data is not cached yet, and one
for the promoted pages if the query has promotions. Promotions and the topics of the
language are kept per generation.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, Paginator
from django.core.paginator import Page as DjangoPage
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.text import Truncator
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from home.i18n import live_public_pages, locale_ids, localize_page_ids, public
from home.listings.pagination import parse_page_number
from home.search import types
from home.search.query import highlight
from home.search.ranked import ranked_search
from home.topics.localized import localized_topics_prefetch
from home.topics.models import Topic
from portal.caching.fragments import cached_per_item, generation_cached

PAGE_SIZE = 10
TEASER_FIELDS = ("teaser", "intro", "search_description")
DATE_FIELDS = ("date", "start")


@dataclass(frozen=True)
class TopicLink:
    """A result's topic as the topic list shows it."""

    name: str
    slug: str


@dataclass(frozen=True)
class ResultEntry:
    """What a result shows of its page, before the search terms are highlighted: the same
    for every search, so it is kept per generation (``portal.caching.fragments``)."""

    url: str
    title: str
    type_key: str
    type_label: str
    date: datetime.date | None
    teaser: str
    topics: tuple = ()
    topics_html: str = ""


@dataclass
class Result:
    """One result as shown: the page's ``ResultEntry`` (url, type, date, topics, read
    through to it) with the search terms highlighted in title and teaser."""

    page: Page
    entry: ResultEntry
    title: str
    teaser: str
    promoted: bool = False

    def __getattr__(self, name):
        if name == "entry":  # not set yet (copying): no recursion
            raise AttributeError(name)
        return getattr(self.entry, name)


def candidates(language: str, type_key: str | None = None, topic: Topic | None = None):
    """Live, public pages of ``language`` that the filters allow, as a subquery of ids."""
    pages = public(Page.objects.live().filter(locale_id=locale_ids().get(language)))
    pages = pages.exclude(content_type_id__in=types.excluded_content_type_ids())
    if type_key:
        pages = types.filter_by_type(pages, type_key)
    if topic is not None:
        pages = pages.filter(tagged_with_topic(topic))
    return pages


def tagged_with_topic(topic: Topic) -> Q:
    """Pages of any type whose ``topics`` include ``topic`` in any language.

    Found through Topic's reverse many-to-many relations, so news, events and films (and
    any later type with topics) are covered without ``home`` importing them.
    """
    condition = Q(pk__in=[])
    for relation in Topic._meta.related_objects:
        model = relation.related_model
        if relation.many_to_many and issubclass(model, Page):
            lookup = f"{relation.field.name}__translation_key"
            ids = model.objects.filter(**{lookup: topic.translation_key}).values("pk")
            condition |= Q(pk__in=ids)
    return condition


def promoted_pages(query: str, language: str, request=None) -> list[Page]:
    """Promotions of ``query`` in ``language``: each promoted page's live translation.

    Promotions have no language; a German promoted page is shown on the English site
    through its live English translation, or not at all. Read-only: Wagtail's
    ``Query.get()`` would write a row for every new query string.
    """
    if not query:
        return []
    page_ids = all_promotions(request).get(normalise_query_string(query), [])
    return localize_page_ids(page_ids, language)


def all_promotions(request=None) -> dict[str, list[int]]:
    """Every promotion: normalised query string -> promoted page ids in order. A handful of
    rows, kept per generation (a promotion saved or deleted starts a new one), so a search
    asks the database nothing for them."""

    def load():
        table: dict[str, list[int]] = {}
        rows = (
            SearchPromotion.objects.filter(page__isnull=False)
            .order_by("sort_order", "pk")
            .values_list("query__query_string", "page_id")
        )
        for query_string, page_id in rows:
            table.setdefault(query_string, []).append(page_id)
        return table

    return generation_cached("search-promotions", (), load, request)


def search(terms: list[str], language: str, type_key=None, topic=None, exclude=(), backend=None):
    """Hits for ``terms`` in ``language`` (or all filtered pages, newest first, without
    terms), as a sliceable object for ``Paginator``."""
    pages = candidates(language, type_key, topic)
    if exclude:
        pages = pages.exclude(pk__in=[page.pk for page in exclude])
    if not terms:
        return pages.order_by("-first_published_at", "-pk")
    # The index is asked about candidates' ids only: filters stay in SQL.
    return ranked_search(pages, terms, language, backend)


def paginate(hits, raw_page):
    """One page of ``hits`` (a ``Page`` of Django's paginator).

    The page's hits are fetched first, one more than fit: when they do not fill the page,
    the total is known without the count query, which costs as much as the search itself
    (both run the full-text match). Only when there are more hits is the count asked for."""
    number = parse_page_number(raw_page)
    paginator = Paginator(hits, PAGE_SIZE)
    offset = (number - 1) * PAGE_SIZE
    window = list(hits[offset : offset + PAGE_SIZE + 1])
    if len(window) <= PAGE_SIZE and (window or number == 1):
        paginator.__dict__["count"] = offset + len(window)  # Paginator.count is cached
        return DjangoPage(window, number, paginator)
    try:
        paginator.validate_number(number)
    except EmptyPage as error:
        raise Http404("no such page") from error
    return DjangoPage(window[:PAGE_SIZE], number, paginator)


def _page_type_links() -> dict:
    """Page model -> its parent link's reverse accessor on ``Page`` (``newspage``, …)."""
    return {
        rel.related_model: rel.get_accessor_name()
        for rel in Page._meta.related_objects
        if rel.one_to_one and rel.parent_link and issubclass(rel.related_model, Page)
    }


def specific_pages(pages: list[Page], language: str) -> list[Page]:
    """The specific version of each page, in order, in one query whatever the mix of page
    types (``.specific()`` costs one per type): the page rows LEFT JOIN every page type's
    table, and each specific object gets the base row's fields. Then the topics of the
    types that have them: one query per such type."""
    links = _page_type_links()
    rows = Page.objects.filter(pk__in=[page.pk for page in pages]).select_related(
        "locale", *links.values()
    )
    base_fields = [field.attname for field in Page._meta.concrete_fields]
    loaded, by_model = {}, {}
    for row in rows:
        model = ContentType.objects.get_for_id(row.content_type_id).model_class()
        accessor = links.get(model)
        specific = getattr(row, accessor, None) if accessor else None
        if specific is None:  # a deeper subclass or a missing row: Wagtail's own way
            specific = row.specific
        else:
            for name in base_fields:
                setattr(specific, name, getattr(row, name))
            specific.locale = row.locale
        loaded[row.pk] = specific
        by_model.setdefault(type(specific), []).append(specific)
    for model, items in by_model.items():
        if any(f.name == "topics" and f.many_to_many for f in model._meta.get_fields()):
            prefetch_related_objects(items, localized_topics_prefetch(language))
    return [loaded[page.pk] for page in pages if page.pk in loaded]


def result_date(page):
    for name in DATE_FIELDS:
        value = getattr(page, name, None)
        if isinstance(value, datetime.date):
            return value
    return page.first_published_at


def result_teaser(page) -> str:
    for name in TEASER_FIELDS:
        text = (getattr(page, name, "") or "").strip()
        if text and isinstance(text, str):
            return Truncator(text).chars(300)
    return ""


def result_entries(pages, language, request, topic_url="") -> dict[int, ResultEntry]:
    """Display data of ``pages`` by id: the specific pages in one query, their topics in one
    per page type (``specific_pages``). The topic list is rendered here, once (its links
    filter the search at ``topic_url``)."""
    entries = {}
    for page in specific_pages(pages, language):
        type_key, type_label = types.type_of(page.content_type_id)
        topics = getattr(page, "localized_topics", [])
        entries[page.pk] = ResultEntry(
            url=page.get_url(request),
            title=page.title,
            type_key=type_key,
            type_label=str(type_label),
            date=result_date(page),
            teaser=result_teaser(page),
            topics=tuple(TopicLink(name=topic.name, slug=topic.slug) for topic in topics),
            topics_html=render_to_string(
                "components/topic_list.html", {"topics": topics, "index_url": topic_url}
            ),
        )
    return entries


def build_results(pages, terms, language, request, promoted_ids=(), topic_url="") -> list[Result]:
    """The results for ``pages`` (the hits, plain pages), in order. A result's display data
    comes from the fragment cache when present: only the pages not there are loaded."""

    def load_missing(missing):
        found = result_entries(missing, language, request, topic_url)
        return [found.get(page.pk) for page in missing]

    entries = cached_per_item(request, "search-result", pages, [], load_missing)
    return [
        Result(
            page=page,
            entry=entry,
            title=highlight(entry.title, terms),
            teaser=highlight(entry.teaser, terms),
            promoted=page.pk in promoted_ids,
        )
        for page, entry in zip(pages, entries, strict=True)
        if entry is not None
    ]


def menu_suggestions(home):
    """Top-level pages of the language (news, events, …) for the empty state."""
    if home is None:
        return []
    excluded = types.excluded_content_type_ids()
    return list(live_public_pages().child_of(home).in_menu().exclude(content_type_id__in=excluded))
