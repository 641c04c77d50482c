"""Helpers for writing demo pages: StreamField data and an idempotent "get or create"."""

from wagtail.models import Page

from home.demo.translate import translate

DEMO_NOTE_DE = "Demo-Inhalt: alle Angaben auf dieser Seite sind frei erfunden."
DEMO_NOTE_EN = "Demo content: every detail on this page is fictional."


def block(block_type, value):
    return {"type": block_type, "value": value}


def heading(text, level="h2"):
    return block("heading", {"text": text, "level": level})


def paragraph(*paragraphs):
    return block("paragraph", "".join(f"<p>{p}</p>" for p in paragraphs))


def image_value(image, alt_text="", decorative=False):
    return {"image": image.pk, "alt_text": alt_text, "decorative": decorative}


def get_or_create_child(parent: Page, page_class, slug: str, **fields):
    """Create and publish ``page_class`` under ``parent`` unless a page with ``slug`` is there.

    Returns ``(page, created)``. An existing page is returned unchanged: rerunning the demo
    command never adds revisions or moves ``last_published_at``.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = page_class(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page, True


def ensure_translated_child(parent: Page, page_class, spec: dict, **fields):
    """An index page from ``spec`` (``slug``, ``title``, ``intro``: German/English pairs),
    created under ``parent`` if missing and translated into English."""
    page, _created = get_or_create_child(
        parent,
        page_class,
        spec["slug"][0],
        title=spec["title"][0],
        intro=spec["intro"][0],
        **fields,
    )
    translate(page, "en", {spec[key][0]: spec[key][1] for key in ("slug", "title", "intro")})
    return page
