"""Content that changes with time alone, and how long a cached page may live because of it.

Listings of upcoming events change when an event starts or ends, without any publish.
Apps register ``next_change(now)`` functions (``register_clock_boundary``); an entry's timeout
is ``min(PORTAL_PAGE_CACHE_SECONDS, seconds until the next change)``. The next change is
looked up once per generation and kept until it has passed.
"""

import math
from collections.abc import Callable

from django.conf import settings

from portal.caching.generation import page_cache

# A page may change with time alone (an event moves from "upcoming" to "past" when it ends).
# Apps that render such content register a function ``next_change(now) -> datetime | None``:
# the first moment at or after ``now`` at which some public page could look different.
_clock_boundaries: dict[str, Callable] = {}


def register_clock_boundary(name: str, next_change: Callable) -> None:
    _clock_boundaries[name] = next_change


def clock_boundaries() -> list[Callable]:
    return [_clock_boundaries[name] for name in sorted(_clock_boundaries)]


def next_change(now) -> object:
    """The earliest moment at or after ``now`` at which some page may change by itself."""
    moments = [moment for func in clock_boundaries() if (moment := func(now))]
    return min(moments, default=None)


def entry_timeout(now, generation: str, timeout: int | None = None) -> int:
    """Seconds to keep an entry rendered at ``now``: ``timeout`` (by default the page cache's
    lifetime), cut at the next change."""
    if timeout is None:
        timeout = settings.PORTAL_PAGE_CACHE_SECONDS
    cache = page_cache()
    key = f"next-change:{generation}"
    stored = cache.get(key)
    if stored is None or (stored != "none" and stored < now.timestamp()):
        moment = next_change(now)
        stored = moment.timestamp() if moment is not None else "none"
        cache.set(key, stored, max(timeout, 1))
    if stored != "none":
        timeout = min(timeout, max(1, math.ceil(stored - now.timestamp())))
    return timeout
