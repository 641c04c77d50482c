"""The embeddable events calendar for partner sites (issue 29): ``/de/embed/events/`` and
``/en/embed/events/``, a small page meant for an ``<iframe>`` on another site.

- One neutral path under each language prefix: a partner copies one address and changes the
  prefix; ``portal.security`` recognises ``/<language>/embed/`` to give it the one policy
  whose ``frame-ancestors`` admits other origins (``PORTAL_EMBED_FRAME_ANCESTORS``), and
  ``portal.caching.pages`` refuses to answer an unknown parameter from the cache there.
- No script, no cookie, no session, no CSRF token: the page is the same for everyone, so
  the page cache stores it like the events API (filters and ``limit`` are in the key).
- The filters are ``news.event_filters``, shared with the API and the calendar feeds, plus
  ``limit``; a bad one is a small 400 page in the URL's language that says what is wrong.
- Which events are shown is decided in ``embed_events`` only: a repeating event once, by
  its next date, as the event index shows it.
"""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from home.i18n import locale_ids
from news.api import events_of_language
from news.event_filters import BadFilter, parse_event_filters
from news.models import EventIndexPage
from news.recurrence_fields import by_next_date, upcoming_q
from portal.languages import current_language

LIMIT_DEFAULT = 5
LIMIT_MAX = 20
EXTRA_PARAMS = ("limit",)


def parse_limit(raw: str | None) -> int:
    """``limit`` as a whole number from 1 to ``LIMIT_MAX``; ``LIMIT_DEFAULT`` when absent."""
    if raw is None or raw == "":
        return LIMIT_DEFAULT
    if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= LIMIT_MAX:
        return int(raw)
    raise BadFilter(
        _("“limit” must be a whole number from 1 to %(max)d; got “%(value)s”.")
        % {"max": LIMIT_MAX, "value": raw[:40]}
    )


def embed_events(filters, language: str, limit: int, now=None) -> list:
    """The next ``limit`` live, public events of ``language`` that match ``filters`` and have
    not ended (past events never, whatever ``from`` says), by the date each shows next: a
    repeating event by its next date. Two queries however many events: the first ``limit``
    single events by start, and the running series (few), merged by next date."""
    now = now or timezone.now()
    upcoming = filters.apply(events_of_language(language).filter(upcoming_q(now)))
    singles = list(upcoming.filter(repeat="")[:limit])
    series = list(upcoming.exclude(repeat=""))
    return by_next_date(singles + series, now)[:limit]


def event_index(language: str):
    """The live event index of ``language`` (the "all events" link and the canonical URL)."""
    return (
        EventIndexPage.objects.live()
        .filter(locale_id=locale_ids()[language])
        .order_by("path")
        .first()
    )


def embed_query(params, language: str) -> str:
    """The canonical query string of an embed URL: the filters, then ``limit`` unless it is
    the default (the embed code builder writes it; ``static/js/embed-builder.js`` mirrors
    it). ``BadFilter`` for what the calendar would refuse."""
    filters = parse_event_filters(params, language, also_allowed=EXTRA_PARAMS)
    limit = parse_limit(params.get("limit"))
    query = filters.query()
    if limit != LIMIT_DEFAULT:
        query = f"{query}&limit={limit}" if query else f"limit={limit}"
    return query


@xframe_options_exempt  # framed by partner sites; frame-ancestors says by whom
@require_safe
def calendar(request):
    language = current_language()
    index = event_index(language)
    index_url = index.get_full_url(request) if index else ""
    try:
        filters = parse_event_filters(request.GET, language, also_allowed=EXTRA_PARAMS)
        for name in EXTRA_PARAMS:
            if len(request.GET.getlist(name)) > 1:
                raise BadFilter(_("“%(name)s” may be given only once.") % {"name": name})
        limit = parse_limit(request.GET.get("limit"))
    except BadFilter as error:
        context = {"message": error.message, "index_url": index_url}
        return render(request, "news/embed/error.html", context, status=400)
    events = embed_events(filters, language, limit)
    for event in events:
        event.embed_url = event.get_full_url(request)
    context = {"events": events, "index_url": index_url}
    return render(request, "news/embed/calendar.html", context)
