"""Screenshots of every public page type, German and English, on a phone (390 px) and a
desktop (1280 px), for design review: ``make page-screenshots``.

The page types are those of ``tests/site_pages.py``, the list the accessibility, privacy and
layout tests check, so a page type added there is photographed too. Whole pages are shot
(``full_page``) after scrolling through them once, so that lazily loaded images appear.
Output: ``var/screenshots/<page type>-<language>-<width>.png`` (not committed).
"""

import json
import sys

from docs.demo_site import CHROMIUM, CHROMIUM_ARGS, ROOT, demo_site, require_chromium

OUT = ROOT / "var" / "screenshots"
VIEWPORTS = {390: 844, 1280: 900}

PATHS_SCRIPT = """
import json
from django.conf import settings
from tests.site_pages import PAGE_TYPES
print(json.dumps({f"{label}-{code}": path(code) for label, path in PAGE_TYPES.items()
                  for code, _name in settings.LANGUAGES}))
"""


def scroll_through(page) -> None:
    """Bring every lazily loaded image into view once, then back to the top."""
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
                scrollTo(0, y);
                await new Promise((done) => setTimeout(done, 60));
            }
            scrollTo(0, 0);
        }"""
    )
    page.wait_for_load_state("networkidle")


def take_screenshots(base: str, paths: dict[str, str], only: set[str]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in VIEWPORTS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height},
                has_touch=width < 600,
                is_mobile=width < 600,
            )
            page = context.new_page()
            for name, path in paths.items():
                if only and not any(word in name for word in only):
                    continue
                page.goto(base + path)
                scroll_through(page)
                target = OUT / f"{name.replace(' ', '-')}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                print(f"  {target.relative_to(ROOT)}")
            context.close()
        browser.close()


def main() -> None:
    """``python -m docs.page_screenshots [word …]``: only page types whose name contains one
    of the words (e.g. ``campaign film``), all without."""
    require_chromium()
    OUT.mkdir(parents=True, exist_ok=True)
    with demo_site() as site:
        paths = json.loads(site.shell(PATHS_SCRIPT))
        print(f"Screenshots from {site.base}:")
        take_screenshots(site.base, paths, set(sys.argv[1:]))


if __name__ == "__main__":
    main()
