"""The home page's sign-language slot in the demo: a placeholder film, honestly labelled.

BITV 2.0 § 4 asks the start page to explain the site's content, its navigation and the gist
of the accessibility statement in German Sign Language (DGS). A real DGS film is made with
deaf signers; the demo cannot fake one. Its placeholder is made of title cards, goes through
the same pipeline as any upload, and shows how the slot looks with a film in it: the player,
captions, transcript, and the download with format, size and length.
"""

import shutil

from django.core.files import File
from django.core.files.base import ContentFile

from home.demo.film_master import encode_title_card_film, title_card_captions
from home.demo.images import get_or_create_demo_image
from home.demo.translate import plain_text_segments, translate
from home.films.models import Film, FilmCaptionTrack, FilmSource
from home.films.pipeline import masters_of, process_now

# A placeholder need not take as long to make as the campaign film: 6 seconds at 640 × 360
# (one rendition of the ladder), a few seconds of the worker's time.
LONGEST = 6
CARDS = [(0.0, 0.34, "DGS"), (0.34, 0.67, "Platzhalter"), (0.67, 1.0, "Film folgt.")]
CUES = {
    "de": [
        "[Leiser Ton]\nHier steht bald ein Film in Deutscher Gebärdensprache.",
        "Dieser Platzhalter zeigt nur Texttafeln.",
        "Der Film erklärt Inhalt, Bedienung und Barrierefreiheit der Website.",
    ],
    "en": [
        "[Quiet tone]\nA film in German Sign Language will be shown here.",
        "This placeholder only shows title cards.",
        "The film explains the site's content, navigation and accessibility.",
    ],
}

FILM_DE = {
    "title": "Die Website in Gebärdensprache (Platzhalter)",
    "description": (
        "Demo: Hier steht ein Film in Deutscher Gebärdensprache. Er erklärt, was es auf dieser "
        "Website gibt, wie Sie sich zurechtfinden und was in der Erklärung zur "
        "Barrierefreiheit steht. Der Platzhalter zeigt nur Texttafeln."
    ),
    "poster_alt": "Abendstimmung über einer Hügellandschaft",
    "transcript": (
        "Ein leiser Ton. Auf einem Farbverlauf erscheint weißer Text.\n"
        "Text: DGS.\n"
        "Text: Platzhalter.\n"
        "Text: Film folgt.\n"
        "Untertitel: Der Film erklärt Inhalt, Bedienung und Barrierefreiheit der Website."
    ),
    "audio_description_statement": (
        "Der Platzhalter enthält keine Informationen, die nur zu sehen sind: Alle Texttafeln "
        "stehen auch in den Untertiteln und im Transkript."
    ),
    "credits": "Demo-Platzhalter, generiert (kein echter Film in Gebärdensprache)",
}

FILM_EN = {
    FILM_DE["title"]: "This website in sign language (placeholder)",
    FILM_DE["description"]: (
        "Demo: a film in German Sign Language goes here. It explains what this website offers, "
        "how to find your way around it and what the accessibility statement says. The "
        "placeholder only shows title cards."
    ),
    FILM_DE["poster_alt"]: "Evening light over hilly country",
    FILM_DE["transcript"]: (
        "A quiet tone. White text appears on a colour gradient.\n"
        "Text: DGS (German Sign Language).\n"
        "Text: Platzhalter (placeholder).\n"
        "Text: Film folgt. (A film will follow.)\n"
        "Captions: The film explains the site's content, navigation and accessibility."
    ),
    FILM_DE["audio_description_statement"]: (
        "The placeholder carries no information that is only visible: every title card is also "
        "in the captions and the transcript."
    ),
    FILM_DE["credits"]: "Demo placeholder, generated (not a real sign-language film)",
}


def ensure_sign_language_film(german, log) -> Film:
    """The placeholder film, live in German and English; made once."""
    film = Film.objects.filter(locale=german, title=FILM_DE["title"]).first()
    if film is None:
        film = _make_film(german, log)
    _, created = translate(film, "en", plain_text_segments(FILM_EN))
    if created:
        log(f"  film {film.title}: English translation created")
    return film


def _make_film(german, log) -> Film:
    poster, _ = get_or_create_demo_image(
        "Demo: Platzhalter Gebärdensprachfilm",
        33,
        "evening",
        FILM_DE["poster_alt"],
        "Grafik: Demo-Generator (frei erfunden)",
    )
    video_path = encode_title_card_film(
        CARDS, "dgs-platzhalter.mp4", log, longest=LONGEST, smallest=True
    )
    try:
        with video_path.open("rb") as video:
            film = Film(locale=german, live=False, poster=poster, **FILM_DE)
            film.sources = [FilmSource(language="de", file=File(video, name=video_path.name))]
            film.caption_tracks = [
                FilmCaptionTrack(
                    language=code,
                    kind="captions",
                    file=ContentFile(
                        title_card_captions(CARDS, cues, LONGEST).encode(),
                        name=f"dgs-platzhalter.{code}.vtt",
                    ),
                )
                for code, cues in CUES.items()
            ]
            film.save()
    finally:
        shutil.rmtree(video_path.parent, ignore_errors=True)
    process_now(masters_of(film), log)
    film.save()
    film.save_revision().publish()
    film.refresh_from_db()
    log(f"  film {film.title} created")
    return film
