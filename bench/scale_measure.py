"""Time the URLs of issue 31's table on the database in ``DATABASE_URL``, as an operator
would: dev settings, page cache off, one process, median of ``--runs`` after a warm-up.

    DATABASE_URL=… .venv/bin/python bench/scale_measure.py [--runs 5] [--json]

Each row: milliseconds (median), SQL queries, response size. The admin rows log in as a
superuser made for the purpose (``scale-bench``). ``bench/scale.sh`` calls this at each size
and prints the sizes side by side with their ratio to the demo size of the same run.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["PORTAL_PAGE_CACHE_SECONDS"] = "0"


def targets() -> list[tuple[str, str, bool]]:
    """(label, path, needs the admin) in the order of the issue's table."""
    from django.conf import settings

    from news.models import NewsIndexPage

    news_index = NewsIndexPage.objects.get(slug="aktuelles")
    largest_news_file = "/de/sitemap-news.xml"
    per_file = settings.PORTAL_SITEMAP_URLS_PER_FILE
    count = news_index.get_children().live().count()
    last = max(1, -(-count // per_file))
    rows = [
        ("news index /de/aktuelles/", "/de/aktuelles/", False),
        ("home /de/", "/de/", False),
        ("search ?q=Strukturwandel", "/de/suche/?q=Strukturwandel", False),
        ("/sitemap.xml (index)", "/sitemap.xml", False),
        ("sitemap file: news, first", largest_news_file, False),
    ]
    if last > 1:
        rows.append(("sitemap file: news, last", f"{largest_news_file}?page={last}", False))
    rows += [
        ("admin translation status", "/admin/translation-status/", True),
        ("admin explorer of the news index", f"/admin/pages/{news_index.pk}/", True),
    ]
    return rows


def measure(runs: int) -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    user, _ = get_user_model().objects.get_or_create(
        username="scale-bench", defaults={"is_superuser": True, "is_staff": True}
    )
    visitor, editor = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    editor.force_login(user)
    results = []
    for label, path, admin in targets():
        client = editor if admin else visitor
        response = client.get(path)  # warm-up: caches of the process, renditions
        times = []
        for _ in range(runs):
            reset_queries()
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        results.append(
            {
                "label": label,
                "path": path,
                "status": response.status_code,
                "ms": statistics.median(times),
                "queries": len(queries),
                "kb": len(response.content) / 1024,
            }
        )
    return results


def main() -> None:
    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="one JSON list on stdout")
    args = parser.parse_args()
    django.setup()
    results = measure(args.runs)
    if args.json:
        print(json.dumps(results))
        return
    for row in results:
        print(
            f"{row['label']:<36} {row['status']} {row['ms']:9.1f} ms {row['queries']:5d} q "
            f"{row['kb']:9.1f} KB"
        )


if __name__ == "__main__":
    main()
