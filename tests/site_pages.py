"""Every public page type of the site, in German and English, found in the page tree.

One list for the accessibility, privacy and HTML-validity tests, so that a page type added
here is checked by all of them. Paths are looked up in the test database (the demo content,
``load_demo_content``), never typed in: a renamed slug cannot leave a test pointing at a 404.
The browser tests' server loads the same demo content, so the same paths apply there.
"""

from wagtail.models import Locale

from campaign.models import CampaignPage, FilmPage
from home.models import HomePage, SearchPage, SiteSettings
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, PressPage
from news.models.articles import NewsKind
from projects.models import ProjectIndexPage, ProjectPage

LANGUAGES = ("de", "en")
SEARCH = {"de": "Lausitz", "en": "Lusatia"}


def _first(model, language, **filters):
    locale = Locale.objects.get(language_code=language)
    return model.objects.live().filter(locale=locale, **filters).order_by("path").first()


def _film_page(language, external: bool):
    for page in FilmPage.objects.live().filter(locale__language_code=language).order_by("path"):
        if any(source.external_url for source in page.film.sources.all()) == external:
            return page
    return None


def _chosen(field, language):
    """A page the site settings choose (legal pages, Leichte Sprache), in ``language``."""
    chosen = getattr(SiteSettings.objects.get(), field)
    return chosen.get_translation(Locale.objects.get(language_code=language))


# label -> function(language) -> path; in the order the pages are checked
PAGE_TYPES = {
    "home": lambda lang: _first(HomePage, lang).url,
    "news index": lambda lang: _first(NewsIndexPage, lang).url,
    "article": lambda lang: _first(NewsPage, lang, kind=NewsKind.PRESS_RELEASE).url,
    "press page": lambda lang: _first(PressPage, lang).url,
    "event index": lambda lang: _first(EventIndexPage, lang).url,
    "event": lambda lang: (
        EventPage.objects.live().filter(locale__language_code=lang).order_by("start").first().url
    ),
    "recurring event": lambda lang: (
        EventPage.objects.live()
        .filter(locale__language_code=lang)
        .exclude(repeat="")
        .order_by("start")
        .first()
        .url
    ),
    "project index": lambda lang: _first(ProjectIndexPage, lang).url,
    "project": lambda lang: _first(ProjectPage, lang).url,
    "campaign": lambda lang: _first(CampaignPage, lang).url,
    "film": lambda lang: _film_page(lang, external=False).url,
    "external film": lambda lang: _film_page(lang, external=True).url,
    "search results": lambda lang: f"{_first(SearchPage, lang).url}?q={SEARCH[lang]}",
    "empty search": lambda lang: _first(SearchPage, lang).url,
    "standard page": lambda lang: _chosen("accessibility_page", lang).url,
    "legal notice": lambda lang: _chosen("impressum_page", lang).url,
    "privacy statement": lambda lang: _chosen("privacy_page", lang).url,
    "easy read": lambda lang: _chosen("easy_read_page", lang).url,
    "404": lambda lang: f"/{lang}/gibt-es-nicht/",
}

NOT_FOUND = {"404"}

# Test ids, known without a database (pytest collects before it has one).
LABELS = [f"{kind} ({language})" for kind in PAGE_TYPES for language in LANGUAGES]


def path_and_status(label: str) -> tuple[str, int]:
    """The path of ``label`` (e.g. ``"article (en)"``) and the status it must answer with."""
    kind, language = label[:-5], label[-3:-1]
    return PAGE_TYPES[kind](language), 404 if kind in NOT_FOUND else 200


def public_paths():
    """``(label, path, expected status)`` for every page type in both languages."""
    return [(label, *path_and_status(label)) for label in LABELS]


# The barrier report form and its confirmation (feedback app): not pages, and the form sets
# the CSRF cookie, so they are checked beside the page types (axe, vnu), not in the
# "no cookie" promises over PAGE_TYPES.
FORM_LABELS = [
    f"{kind} ({language})"
    for kind in ("report a barrier", "report received")
    for language in LANGUAGES
]


def form_paths():
    """``(label, path)`` of the report form and its confirmation in both languages."""
    from django.urls import reverse
    from django.utils import translation

    paths = []
    for label in FORM_LABELS:
        kind, language = label[:-5], label[-3:-1]
        with translation.override(language):
            name = "feedback:report" if kind == "report a barrier" else "feedback:received"
            paths.append((label, reverse(name)))
    return paths
