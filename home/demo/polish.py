"""Polish demo content of the home app: the home page, the search page, the legal pages and
the topics, each a wagtail-localize translation of the German one (``translate``, which
refuses a page with any segment left untranslated). Polish is added by configuration: where
``pl`` is not one of ``settings.LANGUAGES`` this loader does nothing.

Runs after the German and English home content (order 5) and before the roles (90), which
grant the Polish roles their rights on the Polish home page.
"""

from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from home.demo.film_master import title_card_captions
from home.demo.legal import LEGAL_PAGES, english_strings
from home.demo.loader import ensure_locales
from home.demo.polish_texts import (
    HOME_PL,
    LEGAL_PL,
    SEARCH_PL,
    SIGN_CUES_PL,
    SIGN_FILM_PL,
    TOPICS_PL,
)
from home.demo.sign_language import CARDS, LONGEST
from home.demo.sign_language import FILM_DE as SIGN_FILM_DE
from home.demo.topics import TOPICS
from home.demo.translate import plain_text_segments, translate
from home.models import Film, FilmCaptionTrack, HomePage, StandardPage
from home.search.models import SearchPage
from home.topics.models import Topic

LANGUAGE = "pl"


def polish_configured() -> bool:
    return LANGUAGE in {code for code, _name in settings.LANGUAGES}


def _polish(strings: dict[str, str], keys) -> dict[str, str]:
    """The Polish text of each German ``key`` (a missing one fails in ``translate``)."""
    return {key: strings[key] for key in keys if key in strings}


def with_polish_captions(film: Film, captions: str, name: str) -> Film:
    """``film`` with a Polish caption track (added and published once). Caption tracks are
    synchronised to every language, so they are added to the German film, before its Polish
    translation is made from it, and its existing translations are synchronised."""
    if film.caption_tracks.filter(language=LANGUAGE, kind="captions").exists():
        return film
    track = FilmCaptionTrack(
        language=LANGUAGE, kind="captions", file=ContentFile(captions.encode(), name=name)
    )
    film.caption_tracks.add(track)
    film.save()
    film.save_revision().publish()
    film.refresh_from_db()
    # Translations are made from the source's snapshot, taken when English was translated;
    # the English film gets the new track as well, as a sync of the synchronised field.
    source, _created = TranslationSource.update_or_create_from_instance(film)
    for translation in source.translations.filter(enabled=True):
        translation.save_target(publish=True)
    return film


def load_polish_home_demo(log):
    if not polish_configured():
        return
    ensure_locales()
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.get(locale=german, depth=2)
    sign_film = Film.objects.filter(locale=german, title=SIGN_FILM_DE["title"]).first()
    if sign_film is not None:
        captions = title_card_captions(CARDS, SIGN_CUES_PL, LONGEST)
        sign_film = with_polish_captions(sign_film, captions, "dgs-platzhalter.pl.vtt")
        if translate(sign_film, LANGUAGE, plain_text_segments(SIGN_FILM_PL))[1]:
            log(f"  film {sign_film.title}: Polish translation created")
    if translate(home, LANGUAGE, HOME_PL)[1]:
        log("  Polish home page translated")
    search = SearchPage.objects.child_of(home).first()
    if search is not None and translate(search, LANGUAGE, SEARCH_PL)[1]:
        log("  search page: Polish translation created")
    for spec in LEGAL_PAGES.values():
        page = StandardPage.objects.child_of(home).filter(slug=spec["slug"][0]).first()
        if page is None:
            continue
        if translate(page, LANGUAGE, _polish(LEGAL_PL, english_strings(spec)))[1]:
            log(f"  {page.title}: Polish translation created")
    for slug, name, _name_en, _slug_en, text, _text_en in TOPICS:
        topic = Topic.objects.filter(locale=german, slug=slug).first()
        if topic is not None:
            translate(topic, LANGUAGE, _polish(TOPICS_PL, [name, slug, text]))
