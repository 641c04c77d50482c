"""Where an uncached page's time goes: each page rendered N times through the whole WSGI
stack (middleware included, page cache as configured), timed, then profiled with cProfile.

    DATABASE_URL=sqlite:////tmp/db.sqlite3 DJANGO_SETTINGS_MODULE=portal.settings.production \\
      SECRET_KEY=x ALLOWED_HOSTS=testserver PORTAL_PAGE_CACHE_SECONDS=0 \\
      .venv/bin/python bench/profile_pages.py [--runs 50] [--top 25] [--sort tottime] [path ...]

Without paths it takes the home page, news index, an article, an event, a film page and
search results in German (bench/query_counts.py picks them). The report gives milliseconds
per request and, per page, the functions with the most time; `--group` sums the profile by
package (Django templates, Wagtail, the portal, the database driver) so that one can see
which layer to work on.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

LAYERS = (
    ("django/template", "Django templates"),
    ("jinja2", "Jinja2"),
    ("django/db", "Django ORM"),
    ("sqlite3", "SQLite driver"),
    ("psycopg", "PostgreSQL driver"),
    ("wagtail/images", "Wagtail images"),
    ("wagtail/fields", "Wagtail StreamField"),
    ("wagtail/blocks", "Wagtail StreamField"),
    ("wagtail/rich_text", "Wagtail rich text"),
    ("wagtail/", "Wagtail (other)"),
    ("django/utils/translation", "Django translation"),
    ("django/urls", "Django URL resolving"),
    ("django/middleware", "Django middleware"),
    ("django/", "Django (other)"),
    ("/home/", "portal: home"),
    ("/news/", "portal: news"),
    ("/campaign/", "portal: campaign"),
    ("/portal/", "portal: portal"),
    ("bs4", "BeautifulSoup"),
    ("html5lib", "html5lib"),
)


def layer_of(filename: str) -> str:
    for marker, name in LAYERS:
        if marker in filename:
            return name
    return "other (stdlib, builtins)"


def make_request(handler, path: str):
    from django.test import RequestFactory

    environ = RequestFactory(HTTP_X_FORWARDED_PROTO="https").get(path).environ
    environ["wsgi.url_scheme"] = "http"
    status = []
    body = b"".join(handler(environ, lambda s, h, *a: status.append(s)))
    return status[0], body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--group", action="store_true", help="sum the profile by layer")
    parser.add_argument("--no-profile", action="store_true", help="timings only")
    args = parser.parse_args()

    import django
    from django.core.handlers.wsgi import WSGIHandler

    django.setup()
    from bench.query_counts import sample_paths

    paths = (
        args.paths
        or sample_paths(
            {"HomePage", "NewsIndexPage", "NewsPage", "EventPage", "FilmPage", "SearchPage"}
        )[:6]
    )
    handler = WSGIHandler()
    for path in paths:
        status, body = make_request(handler, path)  # warm-up: renditions, caches of the process
        if not status.startswith("200"):
            print(f"{path}: {status}")
            continue
        started = time.perf_counter()
        for _ in range(args.runs):
            make_request(handler, path)
        per_request = (time.perf_counter() - started) / args.runs * 1000
        print(f"{path}: {per_request:.2f} ms per request ({len(body)} bytes)")
        if args.no_profile:
            continue
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.runs):
            make_request(handler, path)
        profile.disable()
        stats = pstats.Stats(profile)
        if args.group:
            totals = defaultdict(float)
            for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
                totals[layer_of(filename)] += tottime
            whole = sum(totals.values())
            for name, seconds in sorted(totals.items(), key=lambda item: -item[1]):
                print(f"   {seconds / whole:6.1%}  {name}")
        else:
            out = io.StringIO()
            stats.stream = out
            stats.sort_stats(args.sort).print_stats(args.top)
            print("\n".join(out.getvalue().splitlines()[6:]))


if __name__ == "__main__":
    main()
