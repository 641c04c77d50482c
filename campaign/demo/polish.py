"""Polish demo content of the campaign: the campaign page, the self-hosted film with Polish
captions, and its film page, as wagtail-localize translations. Only where ``pl`` is one of
``settings.LANGUAGES`` (Polish is added by configuration).

The film gets Polish captions first (``with_polish_captions``).
"""

from wagtail.models import Locale

from campaign.demo import texts
from campaign.demo.media import demo_captions
from campaign.demo.texts_pl import CAMPAIGN_PL, CAPTION_CUES_PL, FILM_PAGE_PL, FILM_PL
from campaign.models import CampaignPage, FilmPage
from home.demo.polish import LANGUAGE, polish_configured, with_polish_captions
from home.demo.translate import plain_text_segments, translate
from home.models import Film, HomePage


def load_polish_campaign_demo(log):
    if not polish_configured():
        return
    german = Locale.objects.get(language_code="de")
    film = Film.objects.filter(locale=german, title=texts.FILM_DE["title"]).first()
    if film is not None:
        captions = demo_captions(CAPTION_CUES_PL)
        film = with_polish_captions(film, captions, "hier-waechst-was.pl.vtt")
        if translate(film, LANGUAGE, plain_text_segments(FILM_PL))[1]:
            log(f"  film {film.title}: Polish translation created")
    home = HomePage.objects.get(locale=german, depth=2)
    campaign = CampaignPage.objects.child_of(home).filter(slug="krasse-gegend").first()
    if campaign is None:
        return
    if translate(campaign, LANGUAGE, CAMPAIGN_PL)[1]:
        log("  campaign page: Polish translation created")
    spec = texts.FILM_PAGES[0]
    page = FilmPage.objects.child_of(campaign).filter(slug=spec["slug"]).first()
    if page is not None and translate(page, LANGUAGE, FILM_PAGE_PL)[1]:
        log(f"  film page {page.title}: Polish translation created")
