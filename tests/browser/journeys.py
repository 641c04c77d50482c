"""The three admin journeys of issue 21, as a person walks them in Chromium.

Each step asserts what the person sees. ``Journey`` counts the clicks (typing and the log-in
are not counted) and, when ``PORTAL_DOCS_SCREENSHOTS`` names a folder, saves the guide's
screenshots there (``make docs-screenshots``). The tests in ``test_journeys.py`` run them
against the demo server; the same functions make the guide's pictures.
"""

import contextlib
import os
import re
from pathlib import Path

from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

PASSWORD = "lausitz-demo"  # the demo users of ``create_demo_admin`` (development only)
PRESS_TITLE = "Wärmeplanung: Landkreis lädt Gemeinden zum Austausch ein"
ENGLISH_TITLE = "Heat planning: district invites municipalities to compare notes"
EVENT_TITLE = "Sprechstunde Wärmeplanung für Gemeinden"


class Journey:
    def __init__(self, page, base_url: str, name: str):
        self.page = page
        self.base = base_url
        self.name = name
        self.clicks = 0
        folder = os.environ.get("PORTAL_DOCS_SCREENSHOTS")
        self.shots = Path(folder) if folder else None

    def log_in(self, username: str):
        self.page.goto(f"{self.base}/admin/login/")
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", PASSWORD)
        self.page.click("button[type=submit]")
        self.page.wait_for_url(f"{self.base}/admin/")

    def click(self, locator):
        locator.click()
        self.clicks += 1

    def said(self, text):
        """A message of Wagtail's message bar (success or error)."""
        expect(self.page.locator(".messages")).to_contain_text(text)

    def see(self, text, exact=False):
        expect(self.page.get_by_text(text, exact=exact).first).to_be_visible()

    def shot(self, step: str):
        if self.shots is None:
            return
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / f"journey-{self.name}-{step}.png"
        self.page.screenshot(path=str(path))
        with Image.open(path) as image:  # 256 colours keep an admin screen near 100 KB
            small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        small.save(path, optimize=True)


def publish(journey: Journey):
    """Publish from the editor's footer. On a new page, first let Wagtail's autosave create
    it (the address turns into the edit view): a publish sent while the first autosave is
    still creating the page fails with "slug already in use" (Wagtail 8.0.1; see the
    closing note of issue 21)."""
    page = journey.page
    if "/add/" in page.url:
        # No autosave under way after 4 s: publishing creates the page.
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=4000)
    journey.click(
        page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first
    )
    journey.click(page.get_by_role("button", name=re.compile("^Veröffentlichen")))
    expect(page.locator(".messages .success")).to_contain_text("veröffentlicht")


def inbox_line(page):
    """The press release's line in the dashboard inbox ("Ihr Eingang")."""
    return page.locator("#portal-inbox-section tr", has_text=PRESS_TITLE)


def ready_button(page):
    footer = page.locator(".portal-translator-footer")
    return footer.get_by_role("button", name="Bereit zur Freigabe")


def editor_writes_press_release_with_film(page, base_url) -> Journey:
    """Redaktion: a press release with a campaign film, published, sent for English."""
    journey = Journey(page, base_url, "redaktion")
    journey.log_in("redaktion")
    journey.click(page.get_by_role("link", name="Meldungen und Pressemitteilungen", exact=True))
    journey.click(page.get_by_role("link", name=re.compile("hinzufügen")))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.fill("#id_title", PRESS_TITLE)
    page.select_option("#id_kind", label="Pressemitteilung")
    page.fill("#id_teaser", "Der Landkreis bietet den Gemeinden eine gemeinsame Sprechstunde an.")
    page.fill("#id_source_line", "Lausitz-Agentur, Cottbus")
    journey.shot("01-neue-pressemitteilung")
    # The film, as a block of the body.
    journey.click(page.locator("[data-streamfield-stream-container] button.c-sf-add-button").first)
    journey.click(page.locator(".w-combobox__option", has_text=re.compile(r"^Film$")))
    journey.click(page.get_by_role("button", name=re.compile("Film auswählen")).first)
    modal = page.locator(".modal-content")
    expect(modal).to_be_visible()
    journey.click(modal.locator("table a, .listing a").first)
    expect(modal).to_be_hidden()
    expect(page.locator(".modal-backdrop")).to_have_count(0)  # the grey veil has faded
    journey.shot("02-film-im-text")
    journey.click(page.get_by_role("button", name=re.compile("Pressekontakt auswählen")))
    expect(modal).to_be_visible()
    journey.click(modal.locator("table a, .listing a").first)
    expect(modal).to_be_hidden()
    publish(journey)
    journey.shot("03-veroeffentlicht")
    # Wagtail shows the section's listing after publishing; the page's "…" menu translates.
    row = page.locator("tr", has_text=PRESS_TITLE).first
    journey.click(row.locator("[data-w-dropdown-target='toggle']").first)
    journey.click(page.get_by_text("Diese Seite übersetzen"))
    journey.see("Seite übersetzen")
    english = page.get_by_label("Englisch")
    if not english.is_checked():
        journey.click(english)
    journey.shot("04-uebersetzen")
    journey.click(page.get_by_role("button", name="Absenden"))
    journey.see("erfolgreich zur Übersetzung in Englisch eingereicht")
    journey.see("finden sie im Eingang")
    expect(page.get_by_text("keinen Zugang")).to_have_count(0)
    assert re.search(r"/admin/pages/\d+/edit/", page.url), page.url  # her German page
    expect(page.locator("#id_title")).to_have_value(PRESS_TITLE)
    journey.shot("05-eingereicht")
    return journey


def editor_plans_event(page, base_url) -> Journey:
    """Redaktion: an event, published, shown on the events listing."""
    journey = Journey(page, base_url, "veranstaltung")
    journey.log_in("redaktion")
    journey.click(page.get_by_role("link", name="Veranstaltungen", exact=True))
    journey.click(page.get_by_role("link", name=re.compile("hinzufügen")))
    page.fill("#id_title", EVENT_TITLE)
    page.fill("#id_start", "2027-03-15 10:00")
    page.fill("#id_end", "2027-03-15 12:00")
    page.keyboard.press("Escape")  # closes the date picker
    page.fill("#id_teaser", "Fragen zur kommunalen Wärmeplanung, beantwortet in einer Stunde.")
    page.select_option("#id_attendance", label="Vor Ort")
    page.fill("#id_venue_name", "Kreishaus Cottbus")
    page.fill("#id_venue_address", "Vom-Stein-Straße 30\n03050 Cottbus")
    journey.shot("01-neue-veranstaltung")
    publish(journey)
    journey.shot("02-veroeffentlicht")
    expect(page.locator("tr", has_text=EVENT_TITLE).first).to_be_visible()
    return journey


FILM_TITLE = "Tagebau-Rand im Morgenlicht"
CAPTIONS = b"""1
00:00:00,000 --> 00:00:01,500
Morgens am Rand des alten Tagebaus.

2
00:00:01,500 --> 00:00:03,000
Hier entsteht ein See.
"""


def editor_adds_film(page, base_url, master_path: Path, captions_path: Path) -> Journey:
    """Redaktion: a new film with its master and captions; the worker's ladder, then
    publishing. The files are sent once (autosave keeps them, see home/films/kept_uploads)."""
    journey = Journey(page, base_url, "film")
    journey.log_in("redaktion")
    journey.click(page.get_by_role("link", name="Filme", exact=True))
    journey.click(page.get_by_role("link", name="Film hinzufügen"))
    page.fill("#id_title", FILM_TITLE)
    page.fill("#id_description", "Ein kurzer Film vom Rand des Tagebaus am Morgen.")
    page.fill("#id_transcript", "Ein Blick über die Kante des Tagebaus. Eine Stimme erzählt.")
    journey.click(page.get_by_role("button", name="Quelle hinzufügen"))
    page.set_input_files("input[name='sources-0-file']", str(master_path))
    journey.click(page.get_by_role("button", name="Untertitelspur hinzufügen"))
    page.set_input_files("input[name='caption_tracks-0-file']", str(captions_path))
    journey.shot("01-neuer-film")
    publish_snippet(journey)
    row = page.locator("tr", has_text=FILM_TITLE).first
    expect(row).to_contain_text("bereit")  # the ladder is made (tasks run inline here)
    expect(row).to_contain_text("Untertitel für Hörgeschädigte")
    journey.shot("02-filmliste")
    return journey


def publish_snippet(journey: Journey):
    page = journey.page
    toggle = "footer [data-w-dropdown-target='toggle'], footer button[aria-expanded]"
    journey.click(page.locator(toggle).last)
    journey.click(page.locator("button[name='action-publish']"))
    page.wait_for_url(re.compile(r"/admin/snippets/home/film/(\?.*)?$"), timeout=120_000)
    expect(page.locator(".messages")).to_contain_text("veröffentlicht")


def translator_translates(page, base_url) -> Journey:
    """Übersetzung EN: inbox, translation editor, refused while incomplete, ready for review,
    and the explained refusal of a German page."""
    journey = Journey(page, base_url, "uebersetzung")
    journey.log_in("uebersetzung")
    line = inbox_line(page)
    expect(line).to_contain_text(PRESS_TITLE)
    expect(line).to_contain_text("Neu")
    journey.shot("01-eingang")
    journey.click(line.get_by_role("link").first)
    footer = page.locator(".portal-translator-footer")
    expect(footer).to_contain_text("noch zu übersetzen")
    expect(page.get_by_role("link", name="Löschen")).to_have_count(0)
    journey.shot("02-editor")
    # The "Deutsch" link leads to the German page, which is not hers: she is told why.
    journey.click(page.locator(".header-meta--locales").get_by_role("link", name="Deutsch"))
    journey.see("Seiten auf Deutsch bearbeitet die Gruppe „Redaktion“.")
    journey.see("Ihre Sprache: Englisch.")
    journey.shot("03-nicht-ihr-bereich")
    journey.click(page.get_by_role("link", name=re.compile("Fassung auf Englisch öffnen")))
    journey.click(ready_button(page))
    journey.said("Nicht zur Freigabe gemeldet")
    journey.said(re.compile(r"\d+ Texte? (sind|ist) noch nicht übersetzt"))
    translated_title = False  # the first text is the title
    for tab in ("Inhalt", "Veröffentlichung"):  # the slug sits on the second tab
        journey.click(page.locator(".js-translation-editor").get_by_role("tab", name=tab))
        translate = page.locator(".js-translation-editor [role=tabpanel]:visible").get_by_role(
            "button", name="Übersetzen", exact=True
        )
        while translate.count():
            journey.click(translate.first)
            field = page.locator(".js-translation-editor textarea:visible").first
            field.fill(ENGLISH_TITLE if translated_title is False else "English text")
            translated_title = True
            journey.click(page.get_by_role("button", name="Speichern", exact=True).first)
            expect(page.locator(".js-translation-editor textarea:visible")).to_have_count(0)
    page.reload()
    expect(page.locator(".portal-translator-footer")).to_contain_text("übersetzt")
    journey.shot("04-uebersetzt")
    journey.click(
        page.locator(".portal-translator-footer").get_by_role("button", name="Bereit zur Freigabe")
    )
    journey.said("Zur Freigabe gemeldet")
    expect(page.locator("#portal-inbox-section")).not_to_contain_text(PRESS_TITLE)
    journey.shot("05-gemeldet")
    return journey


def reviewer_sends_back(page, base_url) -> Journey:
    """Freigabe EN: inbox, preview, send back with a comment; after the translator's second
    "ready", publish."""
    journey = Journey(page, base_url, "freigabe")
    journey.log_in("freigabe")
    line = inbox_line(page)
    expect(line).to_contain_text("Bereit zur Freigabe")
    journey.shot("01-eingang")
    with page.context.expect_page() as preview_tab:
        journey.click(line.get_by_role("link", name=re.compile("Vorschau")))
    preview = preview_tab.value
    preview.wait_for_load_state()
    expect(preview.locator("h1")).to_contain_text(ENGLISH_TITLE)
    preview.close()
    journey.click(line.get_by_role("link", name=ENGLISH_TITLE, exact=True))
    journey.see("Zur Freigabe gemeldet von Tom Reiche")
    journey.shot("02-editor")
    journey.click(page.get_by_role("link", name="Zurückschicken"))
    page.fill("textarea[name=comment]", "Bitte den Anreißer kürzer fassen.")
    journey.click(page.get_by_role("button", name=re.compile("zurückschicken|Zurückschicken")))
    journey.said("zurückgeschickt")
    return journey


def reviewer_publishes(page, base_url) -> Journey:
    journey = Journey(page, base_url, "freigabe")
    journey.log_in("freigabe")
    line = inbox_line(page)
    journey.click(line.get_by_role("link", name=ENGLISH_TITLE, exact=True))
    journey.click(page.get_by_role("button", name=re.compile("Veröffentlichen in")))
    journey.see("veröffentlicht")
    journey.shot("03-veroeffentlicht")
    return journey


def translator_sees_sent_back(page, base_url) -> Journey:
    journey = Journey(page, base_url, "uebersetzung")
    journey.log_in("uebersetzung")
    line = inbox_line(page)
    expect(line).to_contain_text("Zurückgeschickt")
    expect(line).to_contain_text("Bitte den Anreißer kürzer fassen.")
    journey.shot("06-zurueckgeschickt")
    journey.click(line.get_by_role("link", name=ENGLISH_TITLE, exact=True))
    journey.see("Von der Freigabe zurückgeschickt")
    journey.click(
        page.locator(".portal-translator-footer").get_by_role("button", name="Bereit zur Freigabe")
    )
    journey.see("Zur Freigabe gemeldet")
    return journey
