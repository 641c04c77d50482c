"""How the time of a page view depends on the Python stack depth it starts at.

CPython 3.11 and 3.12 keep frames in 16 KB chunks and free a chunk as soon as the frame at
its start returns (https://github.com/python/cpython/issues/142183, fixed in 3.13 and 3.14
by keeping one chunk spare). A loop that keeps calling a function whose frame lands just
past the end of a chunk maps and unmaps 16 KB on every call, and touches fresh pages each
time. Whether a page view hits that depends on how deep the server's own code is when it
calls Django: gunicorn's sync worker calls it from deeper than its gthread worker, a test
client or this script.

This script serves each path in-process (the whole WSGI stack, page cache bypassed) from
a range of extra stack depths and prints, per depth, the median time and the minor page
faults of a view; views that pay the chunk churn show hundreds of faults:

    DJANGO_SETTINGS_MODULE=portal.settings.production … .venv/bin/python bench/stack_depth.py /de/

It measures, it asserts nothing. See docs/performance.md.
"""

import argparse
import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def environ(path: str) -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }


def views(app, path: str, count: int) -> tuple[float, float, str]:
    """Median milliseconds and minor page faults per view of ``path``, and its status."""
    statuses = []
    times = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    faults_before = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
    for _ in range(count):
        started = time.perf_counter()
        response = app(environ(path), start_response)
        b"".join(response)
        response.close()
        times.append(time.perf_counter() - started)
    faults = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - faults_before
    return statistics.median(times) * 1000, faults / count, statuses[-1]


def at_depth(extra: int, work):
    """``work()`` called ``extra`` Python frames deeper than here."""
    if extra == 0:
        return work()
    return at_depth(extra - 1, work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=["/de/"])
    parser.add_argument("--depths", type=int, default=160, help="extra depths 0..N-1 (160)")
    parser.add_argument("--views", type=int, default=12, help="views per depth (12)")
    parser.add_argument("--table", action="store_true", help="print every depth")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    app = WSGIHandler()
    with override_settings(PORTAL_PAGE_CACHE_SECONDS=0):
        for path in args.paths:
            views(app, path, 20)  # warm-up: chrome, renditions, templates
            rows = [
                (extra, *at_depth(extra, lambda path=path: views(app, path, args.views)))
                for extra in range(args.depths)
            ]
            status = rows[-1][3]
            churn = [row for row in rows if row[2] >= 100]
            clean = [row for row in rows if row[2] < 100]
            print(f"{path} ({status}): {len(rows)} depths, {args.views} views each")
            if args.table:
                for extra, ms, faults, _ in rows:
                    print(f"  +{extra:3d} frames  {ms:7.2f} ms  {faults:7.1f} faults")
            for label, group in (("without churn", clean), ("with churn", churn)):
                if group:
                    print(
                        f"  {label:14s} {len(group):3d} depths: median "
                        f"{statistics.median(row[1] for row in group):6.2f} ms, "
                        f"{statistics.median(row[2] for row in group):6.1f} page faults per view"
                    )
            if churn:
                print("  depths with churn: " + " ".join(f"+{row[0]}" for row in churn))


if __name__ == "__main__":
    main()
