"""Print the SQL query count and HTML size of each public page type, in both languages.

Used by ``bench/run.sh`` for its table and handy on its own while working on queries:

    DATABASE_URL=sqlite:////tmp/db.sqlite3 .venv/bin/python bench/query_counts.py [--sql] [path ...]

Without paths it measures one page of every public type (the first live one of each model),
after one warm-up request so that first-visit work (renditions) is not counted. The page
cache is bypassed, and so are the fragments of published content unless ``--fragments`` is
given (then the warm-up fills them): this counts what a view costs from scratch.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def sample_paths(types: set[str] | None = None) -> list[str]:
    """One live page per public page type and language, plus search and a 404."""
    from wagtail.models import Locale

    from campaign.models import CampaignPage, FilmPage
    from home.pages.models import HomePage, StandardPage
    from home.search.models import SearchPage
    from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, PressPage

    paths = []
    for locale in Locale.objects.order_by("pk"):
        for model in (
            HomePage,
            NewsIndexPage,
            NewsPage,
            PressPage,
            EventIndexPage,
            EventPage,
            CampaignPage,
            FilmPage,
            StandardPage,
            SearchPage,
        ):
            if types and model.__name__ not in types:
                continue
            page = model.objects.live().filter(locale=locale).order_by("path").first()
            if page is None:
                continue
            url = page.get_url()
            if model is SearchPage:
                url += "?q=Lausitz"
            paths.append(url)
    return paths


def measure(client, path: str):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm-up
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    return response, ctx.captured_queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--sql", action="store_true", help="print every query")
    parser.add_argument("--list", action="store_true", help="only print the sample paths")
    parser.add_argument(
        "--fragments",
        action="store_true",
        help="count with the fragment cache on and warm (default: off, a view from scratch)",
    )
    parser.add_argument(
        "--types",
        help="comma-separated page models to sample (default: all), e.g. HomePage,NewsPage",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings

    settings.ALLOWED_HOSTS = ["*"]
    types = set(args.types.split(",")) if args.types else None
    if args.list:
        print("\n".join(sample_paths(types)))
        return
    fragment_seconds = 600 if args.fragments else 0
    with override_settings(
        PORTAL_PAGE_CACHE_SECONDS=0, PORTAL_FRAGMENT_CACHE_SECONDS=fragment_seconds
    ):
        client = Client(HTTP_X_FORWARDED_PROTO="https")
        for path in args.paths or sample_paths(types):
            response, queries = measure(client, path)
            print(
                f"{len(queries):4d} queries  {len(response.content):7d} B"
                f"  {response.status_code}  {path}"
            )
            if args.sql:
                for query in queries:
                    sql = query["sql"]
                    head = sql[:60]
                    tail = sql[sql.find(" FROM ") :][:500]
                    print("        ", head, "…", tail)


if __name__ == "__main__":
    main()
