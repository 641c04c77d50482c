"""Every public page type of the demo site, in German and English.

One list for the accessibility, privacy and HTML-validity tests, so that a page type added
here is checked by all of them. Paths come from the demo content (``load_demo_content``).
"""

from news.demo_articles import PRESS_RELEASE_SLUG
from news.demo_events import PAST_EVENT_SLUG

# (page type, German path, English path)
PAGE_TYPES = [
    ("home", "/de/", "/en/"),
    ("news index", "/de/aktuelles/", "/en/news/"),
    (
        "article",
        f"/de/aktuelles/{PRESS_RELEASE_SLUG}/",
        "/en/news/structural-change-on-the-ground-municipalities-compare-notes/",
    ),
    ("event index", "/de/veranstaltungen/", "/en/events/"),
    (
        "event",
        f"/de/veranstaltungen/{PAST_EVENT_SLUG}/",
        "/en/events/information-and-discussion-day-structural-development/",
    ),
    ("campaign", "/de/krasse-gegend/", "/en/krasse-gegend/"),
    ("film", "/de/krasse-gegend/hier-waechst-was/", "/en/krasse-gegend/something-is-growing-here/"),
    (
        "external film",
        "/de/krasse-gegend/stimmen-aus-der-region/",
        "/en/krasse-gegend/voices-from-the-region/",
    ),
    ("search results", "/de/suche/?q=Lausitz", "/en/search/?q=Lusatia"),
    ("empty search", "/de/suche/", "/en/search/"),
    ("standard page", "/de/barrierefreiheit/", "/en/accessibility/"),
    ("legal notice", "/de/impressum/", "/en/legal-notice/"),
    ("privacy statement", "/de/datenschutz/", "/en/privacy/"),
    ("easy read", "/de/leichte-sprache/", "/en/easy-read/"),
    ("404", "/de/gibt-es-nicht/", "/en/does-not-exist/"),
]

NOT_FOUND = {"404"}


def public_paths():
    """``(label, path, expected status)`` for every page type in both languages."""
    return [
        (f"{kind} ({language})", path, 404 if kind in NOT_FOUND else 200)
        for kind, *paths in PAGE_TYPES
        for language, path in zip(("de", "en"), paths, strict=True)
    ]
