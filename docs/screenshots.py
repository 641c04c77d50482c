"""Screenshots for the editor guide (docs/redaktion.md, docs/editing.md), made from the
running demo site so that they stay current: ``make docs-screenshots``.

Builds a throw-away demo site (its own SQLite file and media folder), serves it with
``runserver`` on a free local port, logs in as the demo admin with Playwright and Debian's
Chromium, and saves 1280 × 800 PNGs (reduced to 256 colours) into ``docs/img/``. Nothing
is fetched from another host: Chromium runs with background networking off.
"""

import json
from pathlib import Path

from PIL import Image

from docs.demo_site import CHROMIUM, CHROMIUM_ARGS, ROOT, demo_site, require_chromium

OUT = ROOT / "docs" / "img"
VIEWPORT = {"width": 1280, "height": 800}

# Ids of the demo objects the screenshots show, printed by the demo site itself.
IDS_SCRIPT = """
import json
from pathlib import Path
from wagtail.models import Page
from home.models import Film
from news.demo_articles import PRESS_RELEASE_SLUG
from news.models import EventIndexPage, EventPage
press = Page.objects.get(slug=PRESS_RELEASE_SLUG, locale__language_code="de")
press_en = press.get_translation(press.locale.__class__.objects.get(language_code="en"))
event = EventPage.objects.filter(locale__language_code="de").order_by("-start").first()
film = Film.objects.filter(locale__language_code="de", sources__file__gt="").first()
print(json.dumps({"press": press.pk, "press_en": press_en.pk, "event": event.pk,
                  "film": film.pk,
                  "events": EventIndexPage.objects.get(slug="veranstaltungen").pk}))
"""


def optimise(path: Path) -> None:
    """256 colours are plenty for admin screens and keep each file around 100 KB."""
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def shoot(page, name: str, url: str | None = None, focus_text: str | None = None) -> None:
    if url:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    if focus_text:
        page.get_by_text(focus_text, exact=False).first.scroll_into_view_if_needed()
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path))
    optimise(path)
    print(f"  {path.relative_to(ROOT)}")


def take_screenshots(base: str, ids: dict) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=VIEWPORT, locale="de-DE")
        page.goto(f"{base}/admin/login/")
        page.fill("input[name=username]", "admin")
        page.fill("input[name=password]", "lausitz-demo")
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/admin/")
        admin = f"{base}/admin"
        shoot(page, "01-dashboard", f"{admin}/")
        shoot(page, "02-news-listing", f"{admin}/news_articles/?kind=press-release")
        shoot(page, "03-press-release-editor", f"{admin}/pages/{ids['press']}/edit/")
        page.click('button[data-side-panel-toggle="checks"]')
        page.wait_for_timeout(2500)  # axe runs in the preview
        shoot(page, "04-press-release-checks")
        shoot(
            page,
            "05-event-editor",
            f"{admin}/pages/{ids['event']}/edit/",
            focus_text="Termin und Status",
        )
        shoot(page, "06-event-listing", f"{admin}/events/")
        shoot(page, "07-film-library", f"{admin}/snippets/home/film/?locale=de")
        shoot(
            page,
            "08-film-editor-captions",
            f"{admin}/snippets/home/film/edit/{ids['film']}/",
            focus_text="Untertitel auf der Videoplattform geprüft",
        )
        shoot(page, "09-translate-page", f"{admin}/localize/submit/page/{ids['press']}/")
        shoot(page, "10-translation-editor", f"{admin}/pages/{ids['press_en']}/edit/")
        browser.close()


def main() -> None:
    require_chromium()
    OUT.mkdir(parents=True, exist_ok=True)
    with demo_site() as site:
        ids = json.loads(site.shell(IDS_SCRIPT))
        print(f"Screenshots from {site.base}:")
        take_screenshots(site.base, ids)


if __name__ == "__main__":
    main()
