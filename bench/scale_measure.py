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

    from news.demo_articles import PRESS_RELEASE_SLUG
    from news.models import NewsIndexPage

    news_index = NewsIndexPage.objects.get(slug="aktuelles")
    largest_news_file = "/de/sitemap-news.xml"
    per_file = settings.PORTAL_SITEMAP_URLS_PER_FILE
    count = news_index.get_children().live().count()
    last = max(1, -(-count // per_file))
    rows = [
        ("news index /de/aktuelles/", "/de/aktuelles/", False),
        ("news index, page 2", "/de/aktuelles/?page=2", False),
        ("news feed /de/aktuelles/feed/", "/de/aktuelles/feed/", False),
        ("an article", f"/de/aktuelles/{PRESS_RELEASE_SLUG}/", False),
        ("event index /de/veranstaltungen/", "/de/veranstaltungen/", False),
        ("event calendar feed (ics)", "/de/veranstaltungen/ics/", False),
        ("events API", "/de/api/events/", False),
        ("home /de/", "/de/", False),
        ("campaign /de/krasse-gegend/", "/de/krasse-gegend/", False),
        ("a film page", "/de/krasse-gegend/hier-waechst-was/", False),
        ("search ?q=Strukturwandel", "/de/suche/?q=Strukturwandel", False),
        ("/sitemap.xml (index)", "/sitemap.xml", False),
        ("sitemap file: news, first", largest_news_file, False),
    ]
    if last > 1:
        rows.append(("sitemap file: news, last", f"{largest_news_file}?page={last}", False))
    rows += [
        ("admin translation status", "/admin/translation-status/", True),
        ("admin translation status, missing", "/admin/translation-status/?state=missing", True),
        ("admin translation status, ready", "/admin/translation-status/?state=ready", True),
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


def bare_view_ms(runs: int) -> float:
    """The median of the bare Django reference (bench/bare: one constant view, Security and
    Common middleware only), in a process of its own: the machine's drift between columns."""
    import subprocess

    code = (
        "import os,sys,time,statistics,django;"
        "os.environ['DJANGO_SETTINGS_MODULE']='bench.bare.settings';"
        "os.environ.setdefault('SECRET_KEY','bench');django.setup();"
        "from django.test import Client;c=Client(HTTP_HOST='localhost');c.get('/');t=[]\n"
        f"for _ in range({runs * 20}):\n"
        " s=time.perf_counter();c.get('/');t.append((time.perf_counter()-s)*1000)\n"
        "print(statistics.median(t))"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def table(files: list[str]) -> None:
    """Columns side by side (each file: ``{"label": …, "rows": […]}`` from ``--json``), with
    the last column's time as a multiple of the first's."""
    columns = [json.loads(Path(name).read_text()) for name in files]
    head = " | ".join(column["label"] for column in columns)
    # Against the second column too: where the demo has less than a full screen (a feed of
    # 6 items, an API page of 5 events), the second size shows what the larger output costs
    # and the last what the larger database costs.
    second = columns[1] if len(columns) > 2 else None
    print(f"| URL | {head} | last / first |" + (" last / second |" if second else ""))
    print("|---" * (len(columns) + 2 + bool(second)) + "|")
    labels = []
    for column in columns:  # every row of any column, in the order they were measured
        labels += [r["label"] for r in column["rows"] if r["label"] not in labels]
    for label in labels:
        row = next((r for r in columns[0]["rows"] if r["label"] == label), None)
        cells = []
        for column in columns:
            match = next((r for r in column["rows"] if r["label"] == label), None)
            status = "" if match is None or match["status"] == 200 else f" ({match['status']})"
            cells.append(
                "–"
                if match is None
                else f"{match['ms']:.0f} ms, {match['queries']} q, {match['kb']:.0f} KB{status}"
            )
        last = next((r for r in columns[-1]["rows"] if r["label"] == label), None)
        ratios = [f"{last['ms'] / row['ms']:.2f}×" if last and row else "–"]
        if second:
            middle = next((r for r in second["rows"] if r["label"] == label), None)
            ratios.append(f"{last['ms'] / middle['ms']:.2f}×" if last and middle else "–")
        print(f"| {label} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
    bare = " | ".join(f"{column['bare_ms']:.2f} ms" for column in columns)
    drift = [columns[-1]["bare_ms"] / columns[0]["bare_ms"]]
    if second:
        drift.append(columns[-1]["bare_ms"] / second["bare_ms"])
    ratios = " | ".join(f"{ratio:.2f}×" for ratio in drift)
    print(f"| bare Django view (drift) | {bare} | {ratios} |")


def main() -> None:
    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", metavar="LABEL", help="one JSON object on stdout")
    parser.add_argument("--table", nargs="+", metavar="FILE", help="print saved columns")
    args = parser.parse_args()
    if args.table:
        table(args.table)
        return
    django.setup()
    results = measure(args.runs)
    if args.json:
        column = {"label": args.json, "rows": results, "bare_ms": bare_view_ms(args.runs)}
        print(json.dumps(column))
        return
    for row in results:
        print(
            f"{row['label']:<36} {row['status']} {row['ms']:9.1f} ms {row['queries']:5d} q "
            f"{row['kb']:9.1f} KB"
        )


if __name__ == "__main__":
    main()
