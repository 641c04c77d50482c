"""The helper of bench/registrations.sh (issue 29): many people register for one event at
once, against a running server.

  python bench/registrations.py setup CAPACITY         -> prints the new event's id
  python bench/registrations.py fire BASE EVENT N OUTBOX  -> N forms at once, then N links
  python bench/registrations.py count EVENT             -> what the database holds

``setup`` and ``count`` use Django (DJANGO_SETTINGS_MODULE, DATABASE_URL); ``fire`` only
HTTP: each of N threads opens the form (CSRF cookie and token), all send it at the same
moment (a barrier), then the confirmation links are read from the file outbox
(EMAIL_BACKEND filebased) and opened by N threads at the same moment.
"""

import json
import re
import sys
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

# Requests carry X-Forwarded-Proto: https, as the TLS-terminating proxy sends it.
PROTO = {"X-Forwarded-Proto": "https"}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CONFIRM_LINK = re.compile(r"https?://\S+/(?:anmeldung/bestaetigen|registration/confirm)/\S+/")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def request(url, data=None, headers=None):
    """(status, headers, body) without following redirects; HTTP errors are answers too."""
    req = urllib.request.Request(url, data=data, headers={**PROTO, **(headers or {})})
    try:
        with opener.open(req, timeout=60) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


def register(base, event_id, n, barrier):
    """Open the form, wait for the others, send it. Returns the status of the POST."""
    form = f"{base}/de/anmeldung/{event_id}/"
    status, headers, body = request(form)
    if status != 200:
        barrier.abort()
        raise RuntimeError(f"form answered {status}")
    cookie = next(
        c.split(";")[0] for c in headers.get_all("Set-Cookie") or [] if c.startswith("csrftoken=")
    )
    token = TOKEN.search(body).group(1)
    data = urlencode(
        {
            "name": f"Person {n}",
            "email": f"person{n}@example.org",
            "organisation": "Bench",
            "accessibility_needs": "",
            "consent": "on",
            "website": "",
            "csrfmiddlewaretoken": token,
        }
    ).encode()
    host = urlsplit(base).netloc
    headers = {
        "Cookie": cookie,
        "Origin": f"https://{host}",
        "Referer": f"https://{host}/de/anmeldung/{event_id}/",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    barrier.wait()
    status, _headers, _body = request(form, data, headers)
    return status


def confirm(base, link, barrier):
    url = base + urlsplit(link).path
    barrier.wait()
    status, _headers, body = request(url)
    outcome = "confirmed" if "Ihr Platz ist bestätigt" in body else "waiting"
    if "Sie stehen auf der Warteliste" not in body and outcome == "waiting":
        outcome = "other"
    return status, outcome


def fire(base, event_id, n, outbox):
    errors = 0
    barrier = threading.Barrier(n)
    with ThreadPoolExecutor(n) as pool:
        futures = [pool.submit(register, base, event_id, i, barrier) for i in range(n)]
        for future in futures:
            try:
                if future.result() != 302:
                    errors += 1
            except Exception as error:  # noqa: BLE001 (counted and shown, not raised)
                print(f"register: {error!r}", file=sys.stderr)
                errors += 1
    links = sorted(
        {link for f in Path(outbox).glob("*") for link in CONFIRM_LINK.findall(f.read_text())}
    )
    if len(links) != n:
        print(f"expected {n} confirmation links, found {len(links)}", file=sys.stderr)
        errors += abs(n - len(links))
    pages = {"confirmed": 0, "waiting": 0, "other": 0}
    barrier = threading.Barrier(len(links)) if links else None
    with ThreadPoolExecutor(max(len(links), 1)) as pool:
        futures = [pool.submit(confirm, base, link, barrier) for link in links]
        for future in futures:
            try:
                status, outcome = future.result()
            except Exception as error:  # noqa: BLE001
                print(f"confirm: {error!r}", file=sys.stderr)
                errors += 1
                continue
            if status != 200:
                errors += 1
            pages[outcome] += 1
    print(json.dumps({"http_errors": errors, "pages": pages}))


def django_setup():
    import django

    django.setup()


def setup(capacity):
    django_setup()
    import datetime

    from django.utils import timezone

    from news.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.get(slug="veranstaltungen")
    start = timezone.now() + datetime.timedelta(days=14)
    event = EventPage(
        title="Lasttest: Anmeldung",
        slug="lasttest-anmeldung",
        start=start,
        end=start + datetime.timedelta(hours=3),
        teaser="50 Anmeldungen auf einmal für 20 Plätze.",
        venue_name="Stadthalle Cottbus",
        venue_address="Berliner Platz 6, 03046 Cottbus",
        registration_on_site=True,
        capacity=capacity,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    print(event.pk)


def count(event_id):
    django_setup()
    from django.db.models import Count

    from news.models import EventRegistration

    registrations = EventRegistration.objects.filter(event_id=event_id)
    by_status = dict(
        registrations.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    duplicate_places = (
        registrations.exclude(place=None)
        .values("place")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    print(json.dumps({"by_status": by_status, "duplicate_places": duplicate_places}))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "setup":
        setup(int(args[0]))
    elif command == "fire":
        fire(args[0], int(args[1]), int(args[2]), args[3])
    elif command == "count":
        count(int(args[0]))
    else:
        sys.exit(f"unknown command {command}")
