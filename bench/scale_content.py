"""Add many plain articles, events and film pages, in German with their English translations, fast
(issue 31: "20,000 articles cost what 6 do" needs 20,000 articles to measure).

    DATABASE_URL=… .venv/bin/python bench/scale_content.py --articles 2000 --events 200 --films 20

Why not ``add_child`` in a loop: each call locks and rewrites the parent and saves one row
per table, about 30 ms a page here, ten minutes for 20,000. Here the tree paths are computed
(treebeard's materialised path: parent's path plus a base-36 step), the ``wagtailcore_page``
rows go in with ``bulk_create``, the page type's own rows with Django's insert of its local
fields (``bulk_create`` refuses multi-table models), topics with one ``bulk_create`` of the
through rows, and the search index with the backend's ``add_bulk``. The parent's
``numchild`` is updated once. ``Page.find_problems()`` stays empty
(``tests/performance/test_scale_content.py``).

The pages are demo content written for this: titles say "Skalentest" / "Scale test", the
text is assembled from a few sentences of our own about the region. The English page is a
translation in Wagtail's sense (same ``translation_key``), live like the German one; no
wagtail-localize source is made (the admin's translation status reads them as
"not submitted"). A second run adds more; ``--remove`` deletes every page this made.
"""

import argparse
import datetime
import os
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

MARK = {"de": "Skalentest", "en": "Scale test"}
SLUG_PREFIX = "skalentest-"
BATCH = 1000
SENTENCES = {
    "de": [
        "Der Strukturwandel in der Lausitz verändert Arbeit, Energie und Landschaft zugleich.",
        "Kommunen planen ihre Wärmeversorgung neu und suchen dafür Partner in der Region.",
        "Aus ehemaligen Tagebauen werden Seen, Wälder und Flächen für neue Ideen.",
        "Unternehmen, Hochschulen und Vereine arbeiten an Projekten für die nächsten Jahrzehnte.",
        "Förderprogramme von Bund und Land unterstützen Vorhaben in allen fünf Gebieten.",
    ],
    "en": [
        "Structural change in Lusatia is reshaping work, energy and landscape at once.",
        "Municipalities are replanning their heat supply and looking for partners nearby.",
        "Former open-cast mines are turning into lakes, forests and space for new ideas.",
        "Companies, universities and associations work on projects for the coming decades.",
        "Federal and state programmes fund projects in all five districts.",
    ],
}


def _text(language: str, rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(SENTENCES[language]) for _ in range(count))


def _body(language: str, rng: random.Random) -> list:
    return [
        {"type": "paragraph", "value": f"<p>{_text(language, rng, 3)}</p>", "id": str(uuid.uuid4())}
        for _ in range(2)
    ]


def _next_steps(parent, count: int) -> list[str]:
    """Tree paths for ``count`` new last children of ``parent``."""
    from wagtail.models import Page

    last = parent.get_last_child()
    first = (last._get_lastpos_in_path() if last else 0) + 1
    return [Page._get_path(parent.path, parent.depth + 1, first + n) for n in range(count)]


def _numbering(language: str, rng: random.Random, start_number: int):
    """A function making the pages of ``keys``: ``make(rng, language)`` builds each unsaved
    page with its own fields; title, slug and translation key are added here
    ("Skalentest 12: …")."""

    def numbered(keys, make) -> list:
        pages = []
        for n, key in enumerate(keys):
            number = start_number + n + 1
            title = f"{MARK[language]} {number}: {_text(language, rng, 1)[:-1]}"
            page = make(rng, language)
            page.title, page.slug, page.translation_key = title, f"{SLUG_PREFIX}{number}", key
            pages.append(page)
        return pages

    return numbered


def _insert_pages(parent, pages: list, now) -> None:
    """Insert ``pages`` (unsaved instances of one specific page type) as live last children
    of ``parent``: the base rows, the type's own rows, the parent's child count."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page

    if not pages:
        return
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    for page, path in zip(pages, _next_steps(parent, len(pages)), strict=True):
        page.path, page.depth, page.numchild = path, parent.depth + 1, 0
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.live, page.has_unpublished_changes = True, False
        page.draft_title = page.title
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or now
        page.live_revision_id = None
    base_fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    for start in range(0, len(pages), BATCH):
        chunk = pages[start : start + BATCH]
        bases = Page.objects.bulk_create(
            [Page(**{name: getattr(page, name) for name in base_fields}) for page in chunk]
        )
        for page, base in zip(chunk, bases, strict=True):
            page.pk = page.page_ptr_id = base.pk
        if base.pk is None:  # a database without RETURNING: read the ids back by path
            ids = dict(
                Page.objects.filter(path__in=[p.path for p in chunk]).values_list("path", "pk")
            )
            for page in chunk:
                page.pk = page.page_ptr_id = ids[page.path]
        model._base_manager._insert(
            chunk, fields=list(model._meta.local_concrete_fields), using=connection.alias
        )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    parent.numchild += len(pages)


def _add_topics(model, pages_by_language, topics_by_language, rng) -> None:
    through = model.topics.through
    rows = []
    for language, pages in pages_by_language.items():
        topics = topics_by_language.get(language) or []
        for n, page in enumerate(pages):
            if topics:
                # The same topics in both languages: the n-th page of each language agrees.
                chosen = {topics[(n * 7 + k) % len(topics)].translation_key for k in range(2)}
                rows += [
                    through(**{through_field(through, model): page, "topic": topic})
                    for topic in topics
                    if topic.translation_key in chosen
                ]
    through.objects.bulk_create(rows, batch_size=BATCH)


def through_field(through, model) -> str:
    return next(f.name for f in through._meta.fields if f.is_relation and f.related_model is model)


def _index(model, pages) -> None:
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for start in range(0, len(pages), BATCH):
        backend.add_bulk(model, pages[start : start + BATCH])


def generate(articles: int, events: int, films: int = 0, seed: int = 31) -> dict[str, int]:
    """Add ``articles`` articles, ``events`` events and ``films`` film pages (showing the
    demo's first film) in German and English; return the counts added per kind (per
    language)."""
    from django.db import transaction
    from django.utils import timezone

    from campaign.models import CampaignPage, FilmPage
    from home.films.models import Film
    from home.models import Topic
    from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage

    rng = random.Random(seed)
    now = timezone.now()
    topics = {}
    for topic in Topic.objects.select_related("locale"):
        topics.setdefault(topic.locale.language_code, []).append(topic)
    for language_topics in topics.values():
        language_topics.sort(key=lambda t: str(t.translation_key))
    start_number = NewsPage.objects.filter(slug__startswith=SLUG_PREFIX).count() // 2
    keys = [uuid.uuid4() for _ in range(articles)]
    event_keys = [uuid.uuid4() for _ in range(events)]
    film_keys = [uuid.uuid4() for _ in range(films)]
    film = Film.objects.order_by("pk").first() if films else None
    made = {"articles": 0, "events": 0, "films": 0}
    with transaction.atomic():
        articles_by_language, events_by_language, films_by_language = {}, {}, {}
        for language, news_slug, events_slug in (
            ("de", "aktuelles", "veranstaltungen"),
            ("en", "news", "events"),
        ):
            news_index = NewsIndexPage.objects.get(slug=news_slug, locale__language_code=language)
            event_index = EventIndexPage.objects.get(
                slug=events_slug, locale__language_code=language
            )
            rng.seed(seed)  # the same dates and choices in both languages
            numbered = _numbering(language, rng, start_number)

            def article(rng, language):
                day = now.date() - datetime.timedelta(days=rng.randrange(3650))
                published = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
                return NewsPage(
                    date=day,
                    teaser=_text(language, rng, 2),
                    body=_body(language, rng),
                    source_line="Lausitz-Entwicklungsagentur (Demo)",
                    first_published_at=published,
                    last_published_at=published,
                )

            def event(rng, language):
                offset = datetime.timedelta(days=rng.randrange(-730, 365), hours=rng.randrange(8))
                start = now + offset
                return EventPage(
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                    teaser=_text(language, rng, 1),
                    venue_name="Beispielhalle (Demo)",
                    venue_address="Beispielstraße 1, 03046 Cottbus",
                )

            def film_page(rng, language):
                return FilmPage(film=film, intro=_text(language, rng, 1), body=_body(language, rng))

            articles_by_language[language] = numbered(keys, article)
            _insert_pages(news_index, articles_by_language[language], now)
            events_by_language[language] = numbered(event_keys, event)
            _insert_pages(event_index, events_by_language[language], now)
            films_by_language[language] = numbered(film_keys, film_page)
            if film_keys:
                campaign = CampaignPage.objects.filter(locale__language_code=language).first()
                _insert_pages(campaign, films_by_language[language], now)
        _add_topics(NewsPage, articles_by_language, topics, rng)
        _add_topics(EventPage, events_by_language, topics, rng)
        _add_topics(FilmPage, films_by_language, topics, rng)
        made = {"articles": articles, "events": events, "films": films}
    for model, by_language in (
        (NewsPage, articles_by_language),
        (EventPage, events_by_language),
        (FilmPage, films_by_language),
    ):
        for pages in by_language.values():
            _index(model, pages)
    _analyze()
    return made


def _analyze() -> None:
    """Table statistics for the planner, as PostgreSQL's autovacuum gathers them within a
    minute of a bulk load (and ``PRAGMA optimize`` on SQLite): measuring right after the
    insert would otherwise time plans made for the demo's six articles."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def remove() -> int:
    """Delete every page this script made (Wagtail's own delete: tree and index stay right)."""
    from wagtail.models import Page

    pages = Page.objects.filter(slug__startswith=SLUG_PREFIX)
    count = pages.count()
    for page in pages.filter(depth__gt=0).iterator():
        page.delete()
    return count


def main() -> None:
    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=0)
    parser.add_argument("--events", type=int, default=0)
    parser.add_argument("--films", type=int, default=0)
    parser.add_argument("--remove", action="store_true")
    args = parser.parse_args()
    django.setup()
    started = time.monotonic()
    if args.remove:
        print(f"removed {remove()} pages")
        return
    made = generate(args.articles, args.events, args.films)
    seconds = time.monotonic() - started
    print(
        f"added {made['articles']} articles, {made['events']} events and {made['films']} films "
        f"in German and English in {seconds:.1f} s"
    )


if __name__ == "__main__":
    main()
