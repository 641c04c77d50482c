"""Demo content of the base app: locales, site, home pages, legal pages, site settings.

Written for this project; the organisation and every contact detail are fictional.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from home.demo.content import block, get_or_create_child, heading, image_value, paragraph
from home.demo.images import get_or_create_demo_image
from home.demo.legal import (
    ARBITRATION_BODY,
    EASY_READ,
    ENFORCEMENT_URL,
    LEGAL_PAGES,
    english_strings,
    german_fields,
)
from home.demo.sign_language import ensure_sign_language_film
from home.demo.topics import ensure_topics
from home.demo.translate import translate
from home.pages.models import HomePage, StandardPage
from home.pages.site_settings import SiteSettings
from home.search.models import SearchPage
from home.translation.models import GlossaryTerm

HOME_DE = {
    "title": "Startseite",
    "headline": "Die Lausitz im Wandel: Arbeit, Energie und Leben in einer Region mit Zukunft",
    "intro": (
        "Wir begleiten Kommunen, Unternehmen und Menschen in der Brandenburger Lausitz beim "
        "Strukturwandel. Hier finden Sie Neuigkeiten, Veranstaltungen und die Filme der "
        "Kampagne „Die Lausitz. Krasse Gegend.“"
    ),
    "hero_alt": "Windräder auf einem Hügel über einem gefluteten Tagebausee im Sommer",
    "seo_title": "Lausitz-Portal – Strukturwandel in der Brandenburger Lausitz",
    "search_description": (
        "Neuigkeiten, Veranstaltungen und Filme zum Strukturwandel in der Brandenburger Lausitz."
    ),
}

ENGLISH_QUOTE = "I came for a cycling weekend by the lakes and stayed for a job in Cottbus."

HOME_EN = {
    "Startseite": "Home",
    "startseite": "home",
    HOME_DE["headline"]: "Lusatia in transition: work, energy and life in a region with a future",
    HOME_DE["intro"]: (
        "We support municipalities, businesses and people in Brandenburg's Lusatia through "
        "structural change. Here you will find news, events and the films of the campaign "
        "“Die Lausitz. Krasse Gegend.”"
    ),
    HOME_DE["hero_alt"]: "Wind turbines on a hill above a flooded former open-cast mine in summer",
    HOME_DE["seo_title"]: "Lausitz portal – structural change in Brandenburg's Lusatia",
    HOME_DE["search_description"]: (
        "News, events and films about structural change in Brandenburg's Lusatia."
    ),
    "Was wir tun": "What we do",
    (
        "Wo früher Braunkohle den Takt vorgab, entstehen heute Forschungseinrichtungen, "
        "Gewerbegebiete und neue Verbindungen. Wir bringen Fördermittel, Ideen und Menschen "
        "zusammen."
    ): (
        "Where lignite once set the pace, research institutes, business parks and new "
        "connections are growing today. We bring funding, ideas and people together."
    ),
    "Aus der Region": "From the region",
    "Wir wollen nicht zusehen, wie sich die Lausitz verändert – wir wollen mitreden.": (
        "We do not want to watch Lusatia change – we want a say in it."
    ),
    "Ein Ortsvorsteher bei einer Informationsveranstaltung": (
        "A village representative at an information event"
    ),
    "Zur Kampagne": "About the campaign",
    ENGLISH_QUOTE: ENGLISH_QUOTE,
    "Eine Ingenieurin aus Manchester, seit 2024 in Cottbus (fiktiv)": (
        "An engineer from Manchester, in Cottbus since 2024 (fictional)"
    ),
    (
        "Viele Gemeinden planen jetzt, wie sie künftig klimafreundlich heizen. Wir zeigen "
        "Beispiele und vermitteln Ansprechpartner."
    ): (
        "Many municipalities are now planning how to heat without harming the climate. We "
        "show examples and put people in touch."
    ),
    "Abendlicht über einer Lausitzer Hügellandschaft mit Windrädern": (
        "Evening light over a Lusatian landscape of hills with wind turbines"
    ),
}

# "Lausitz" is not listed: the demo's English texts say "Lusatia". Editors can add it.
GLOSSARY = ["Die Lausitz. Krasse Gegend.", "Cottbus", "Senftenberg"]

SEARCH_DE = {
    "slug": "suche",
    "title": "Suche",
    "intro": "Durchsuchen Sie Neuigkeiten, Veranstaltungen, Filme und Seiten.",
}
SEARCH_EN = {
    "suche": "search",
    "Suche": "Search",
    SEARCH_DE["intro"]: "Search news, events, films and pages.",
}


def ensure_locales():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def _site_address():
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


def ensure_home_page(log) -> HomePage:
    """The German home page as the default site's root (replacing Wagtail's welcome page)."""
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    existing = HomePage.objects.filter(locale=german, depth=2).first()
    if existing:
        return existing
    hero, _ = get_or_create_demo_image(
        "Demo: Windräder über dem Tagebausee",
        1,
        "summer",
        "Windräder auf einem Hügel über einem gefluteten Tagebausee",
        "Grafik: Demo-Generator (frei erfunden)",
    )
    side, _ = get_or_create_demo_image(
        "Demo: Abendlicht über der Lausitz",
        2,
        "evening",
        "Abendlicht über einer Hügellandschaft mit Windrädern",
        "Grafik: Demo-Generator (frei erfunden)",
    )
    root = Page.get_first_root_node()
    home = HomePage(
        slug="startseite",
        locale=german,
        hero_image=hero,
        **HOME_DE,
        body=[
            heading("Was wir tun"),
            paragraph(
                "Wo früher Braunkohle den Takt vorgab, entstehen heute Forschungseinrichtungen, "
                "Gewerbegebiete und neue Verbindungen. Wir bringen Fördermittel, Ideen und "
                "Menschen zusammen."
            ),
            block(
                "text_and_image",
                {
                    "text": "<p>Viele Gemeinden planen jetzt, wie sie künftig klimafreundlich "
                    "heizen. Wir zeigen Beispiele und vermitteln Ansprechpartner.</p>",
                    "image": image_value(
                        side, "Abendlicht über einer Lausitzer Hügellandschaft mit Windrädern"
                    ),
                    "image_position": "right",
                },
            ),
            heading("Aus der Region"),
            block(
                "quote",
                {
                    "text": "Wir wollen nicht zusehen, wie sich die Lausitz verändert – wir wollen "
                    "mitreden.",
                    "attribution": "Ein Ortsvorsteher bei einer Informationsveranstaltung",
                    "language": "",
                },
            ),
            # An English quotation inside the German page: marked as English (WCAG 3.1.2).
            block(
                "quote",
                {
                    "text": ENGLISH_QUOTE,
                    "attribution": "Eine Ingenieurin aus Manchester, seit 2024 in Cottbus (fiktiv)",
                    "language": "en",
                },
            ),
        ],
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    hostname, port = _site_address()
    if site is None:
        site = Site(is_default_site=True)
    old_root_id = site.root_page_id
    site.hostname, site.port, site.root_page = hostname, port, home
    site.site_name = "Lausitz-Portal"
    site.save()
    if old_root_id and old_root_id != home.pk:
        Page.objects.filter(pk=old_root_id).exclude(pk=home.pk).delete()  # Wagtail's welcome page
    log("  German home page created")
    return home


def ensure_legal_pages(home: HomePage, log) -> dict[str, StandardPage]:
    """Impressum, privacy and accessibility statements and the Leichte Sprache page."""
    pages = {}
    for key, spec in [*LEGAL_PAGES.items(), ("leichte-sprache", EASY_READ)]:
        page, created = get_or_create_child(
            home, StandardPage, spec["slug"][0], show_in_menus=False, **german_fields(spec)
        )
        if created:
            log(f"  {page.title} created")
        pages[key] = page
    return pages


def ensure_site_settings(legal: dict[str, StandardPage]):
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if site_settings.organisation_name:
        if site_settings.easy_read_page_id is None:  # demo sites loaded before the page existed
            site_settings.easy_read_page = legal["leichte-sprache"]
            site_settings.save(update_fields=["easy_read_page"])
        if not site_settings.arbitration_body_name:  # ... or before the field existed
            site_settings.arbitration_body_name = ARBITRATION_BODY
            site_settings.arbitration_body_url = ENFORCEMENT_URL
            site_settings.save(update_fields=["arbitration_body_name", "arbitration_body_url"])
        return
    site_settings.organisation_name = "Lausitz-Entwicklungsagentur (Demo)"
    site_settings.postal_address = "Beispielstraße 1\n03046 Cottbus (fiktive Anschrift)"
    site_settings.email = "kontakt@example.org"
    site_settings.phone = "+49 355 000000"
    site_settings.represented_by = "Die Geschäftsführung (fiktiv)"
    site_settings.register_entry = "Amtsgericht Beispielstadt, HRB 00000 (fiktiv)"
    site_settings.vat_id = "DE000000000 (fiktiv)"
    site_settings.content_responsible = "Redaktion, Beispielstraße 1, 03046 Cottbus (fiktiv)"
    site_settings.impressum_page = legal["impressum"]
    site_settings.privacy_page = legal["datenschutz"]
    site_settings.accessibility_page = legal["barrierefreiheit"]
    site_settings.easy_read_page = legal["leichte-sprache"]
    site_settings.arbitration_body_name = ARBITRATION_BODY
    site_settings.arbitration_body_url = ENFORCEMENT_URL
    site_settings.save()


def fill_sign_language_slot(home: HomePage, log) -> None:
    """The placeholder DGS film in the home pages' slot (BITV 2.0 § 4), where it is empty.
    Set on every language's home page: the field is synchronised from German, but a demo
    site loaded before the slot was filled already has its English home page."""
    film = ensure_sign_language_film(home.locale, log)
    for page in HomePage.objects.filter(depth=2, sign_language_film__isnull=True):
        page.sign_language_film = film
        page.save_revision().publish()
        log(f"  {page.title}: DGS film placed")


def ensure_search_page(home: HomePage, log) -> SearchPage:
    page, created = get_or_create_child(home, SearchPage, show_in_menus=False, **SEARCH_DE)
    if created:
        log("  search page created")
    return page


def load_home_demo(log):
    """Not wrapped in a transaction: wagtail-localize publishes in ``on_commit`` callbacks,
    which inside one transaction would run at the end with stale page objects (a translated
    home page saved with ``numchild=0`` after its children were added)."""
    ensure_locales()
    home = ensure_home_page(log)
    legal = ensure_legal_pages(home, log)
    ensure_site_settings(legal)
    ensure_topics(log)
    fill_sign_language_slot(home, log)
    home.refresh_from_db()  # the English translation below is made from this object
    for term in GLOSSARY:
        GlossaryTerm.objects.get_or_create(term=term)
    _, created = translate(home, "en", HOME_EN)
    if created:
        log("  English home page translated")
    specs = {**LEGAL_PAGES, "leichte-sprache": EASY_READ}
    for key, page in legal.items():
        _, created = translate(page, "en", english_strings(specs[key]))
        if created:
            log(f"  {page.title}: English translation created")
    _, created = translate(ensure_search_page(home, log), "en", SEARCH_EN)
    if created:
        log("  search page: English translation created")
