"""Demo content of the campaign: two films (one self-hosted and generated here, one external
on YouTube, click-to-load), the campaign page ``krasse-gegend`` and a film page per film, each
with a real wagtail-localize English translation. Idempotent: a second run changes nothing.

Not wrapped in a transaction, like the home loader: wagtail-localize publishes translations
in ``on_commit`` callbacks.
"""

import shutil

from django.core.files import File
from django.core.files.base import ContentFile
from wagtail.models import Locale

from campaign.demo import texts
from campaign.demo.media import demo_captions, encode_demo_film
from campaign.models import CampaignPage, FilmPage
from home.demo.content import DEMO_NOTE_DE, DEMO_NOTE_EN, heading, paragraph
from home.demo.images import get_or_create_demo_image
from home.demo.translate import plain_text_segments, translate
from home.films.pipeline import masters_of, process_now
from home.models import Film, FilmCaptionTrack, FilmSource, HomePage, Topic

CREDIT = "Grafik: Demo-Generator (frei erfunden)"


def _publish(film: Film) -> Film:
    film.save()
    film.save_revision().publish()
    film.refresh_from_db()
    return film


def ensure_self_hosted_film(german: Locale, log) -> Film:
    film = Film.objects.filter(locale=german, title=texts.FILM_DE["title"]).first()
    if film is not None:
        return film
    poster, _ = get_or_create_demo_image(
        "Demo: Filmstill „Hier wächst was“",
        31,
        "autumn",
        "Herbstliche Hügel mit Windrädern unter einem weiten Himmel",
        CREDIT,
    )
    video_path = encode_demo_film(log)
    try:
        with video_path.open("rb") as video:
            # A draft first: a film goes live only once the worker has made its video ready.
            film = Film(locale=german, live=False, poster=poster, **texts.FILM_DE)
            film.sources = [
                FilmSource(
                    language="de", file=File(video, name="krasse-gegend-hier-waechst-was.mp4")
                )
            ]
            film.caption_tracks = [
                FilmCaptionTrack(
                    language=code,
                    kind="captions",
                    file=ContentFile(
                        demo_captions(cues).encode(), name=f"hier-waechst-was.{code}.vtt"
                    ),
                )
                for code, cues in (("de", texts.CAPTION_CUES_DE), ("en", texts.CAPTION_CUES_EN))
            ]
            film.save()
    finally:
        shutil.rmtree(video_path.parent, ignore_errors=True)
    # The same task the worker runs, here and now: the demo's pages and its English film
    # need the film live before they are built.
    process_now(masters_of(film), log)
    _publish(film)
    log(f"  film {film.title} created")
    return film


def ensure_external_film(german: Locale, log) -> Film:
    film = Film.objects.filter(locale=german, title=texts.EXTERNAL_DE["title"]).first()
    if film is not None:
        return film
    poster, _ = get_or_create_demo_image(
        "Demo: Filmstill „Stimmen aus der Region“",
        32,
        "summer",
        "Sommerlandschaft mit einem Tagebausee",
        CREDIT,
    )
    # The demo's stand-in: a real editor ticks this after checking the captions on YouTube.
    film = Film(
        locale=german, duration=95, poster=poster, host_captions_confirmed=True, **texts.EXTERNAL_DE
    )
    film.sources = [FilmSource(language="de", external_url=texts.EXTERNAL_URL)]
    _publish(film)
    log(f"  film {film.title} created (external, click-to-load)")
    return film


def ensure_campaign_page(home: HomePage, hero, log) -> CampaignPage:
    existing = CampaignPage.objects.child_of(home).filter(slug="krasse-gegend").first()
    if existing is not None:
        return existing
    body = []
    for title, text in texts.CAMPAIGN_BODY_DE:
        body += [heading(title), paragraph(text)]
    body.append(paragraph(DEMO_NOTE_DE))
    page = CampaignPage(
        slug="krasse-gegend",
        locale=home.locale,
        hero_image=hero,
        show_in_menus=True,
        body=body,
        **texts.CAMPAIGN_DE,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    log("  campaign page created")
    return page


def ensure_film_page(campaign: CampaignPage, spec: dict, film: Film, log) -> FilmPage:
    existing = FilmPage.objects.child_of(campaign).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    page = FilmPage(
        slug=spec["slug"],
        locale=campaign.locale,
        title=spec["title"],
        intro=spec["intro"],
        film=film,
        body=[paragraph(spec["text"]), paragraph(DEMO_NOTE_DE)],
    )
    page.topics = list(Topic.objects.filter(locale=campaign.locale, slug__in=spec["topics"]))
    campaign.add_child(instance=page)
    page.save_revision().publish()
    log(f"  film page {page.title} created")
    return page


def load_campaign_demo(log):
    german = Locale.objects.get(language_code="de")
    home = HomePage.objects.get(locale=german, depth=2)
    films = [ensure_self_hosted_film(german, log), ensure_external_film(german, log)]
    for film, strings in zip(films, (texts.FILM_EN, texts.EXTERNAL_EN), strict=True):
        _, created = translate(film, "en", plain_text_segments(strings))
        if created:
            log(f"  film {film.title}: English translation created")
    campaign = ensure_campaign_page(home, films[0].poster, log)
    note = {DEMO_NOTE_DE: DEMO_NOTE_EN}
    _, created = translate(campaign, "en", {**texts.CAMPAIGN_EN, **note})
    if created:
        log("  campaign page: English translation created")
    for spec, film in zip(texts.FILM_PAGES, films, strict=True):
        page = ensure_film_page(campaign, spec, film, log)
        _, created = translate(page, "en", {**spec["en"], **note})
        if created:
            log(f"  film page {page.title}: English translation created")
