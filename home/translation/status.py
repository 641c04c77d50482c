"""Translation status overview: German pages (rows) × translation languages (columns).

Each cell is one of: up to date, source changed since the last sync, ready for review,
draft, missing — with a link to the action that moves it on. A handful of queries (six) whatever the
number of pages (pages, their translations, translation sources, reviews), 50 pages a
screen.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, TranslationSource

from home.translation.machine import glossary_terms
from home.translation.models import TranslationReview
from home.translation.refusals import language_name
from home.translation.roles import languages_of, languages_translated_by, translation_languages

PAGE_SIZE = 50
STATES = {
    "up-to-date": _("Up to date"),
    "changed": _("Source changed since last sync"),
    "ready": _("Ready for review"),
    "draft": _("Draft"),
    "missing": _("Missing"),
}


def _cell(source_page, target, source, review_state):
    if target is None:
        return "missing", reverse("wagtail_localize:submit_page_translation", args=[source_page.pk])
    edit = reverse("wagtailadmin_pages:edit", args=[target.pk])
    if review_state == TranslationReview.State.READY:
        return "ready", edit
    if not target.live:
        return "draft", edit
    edited = source_page.latest_revision_created_at
    if source is not None and edited and source.last_updated_at < edited:
        return "changed", reverse("wagtail_localize:update_translations", args=[source.pk])
    return "up-to-date", edit


def glossary_gaps(keys, languages) -> dict[tuple[str, str], set[str]]:
    """(translation_key, language) -> glossary terms of the source missing in the translation.
    Two queries: the terms, and every translated string of these pages."""
    terms = glossary_terms()
    gaps: dict[tuple[str, str], set[str]] = {}
    if not terms or not keys:
        return gaps
    rows = StringTranslation.objects.filter(
        translation_of__segments__source__object_id__in=keys,
        locale__language_code__in=languages,
    ).values_list(
        "translation_of__segments__source__object_id",
        "locale__language_code",
        "translation_of__data",
        "data",
    )
    for key, language, source_text, translated in rows:
        for term in terms:
            if term in source_text and term not in translated:
                gaps.setdefault((key, language), set()).add(term)
    return gaps


def _title_link(page, targets, languages, mine):
    """Where a click on the German title leads: the German editor for those who edit German
    pages, else the translation in the user's language (a translator may not open the German
    page), else nowhere."""
    if settings.LANGUAGE_CODE in mine:
        return reverse("wagtailadmin_pages:edit", args=[page.pk])
    for language in languages:
        target = targets.get((page.translation_key, language))
        if language in mine and target is not None:
            return reverse("wagtailadmin_pages:edit", args=[target.pk])
    return None


def _xliff_url(page, language, state, exchange):
    if language not in exchange or state == "missing":
        return None
    return reverse("portal_xliff_page", args=[page.pk, language])


def german_pages(section_id=None):
    """The rows' pages: German pages below the root, in tree order, optionally one section."""
    german = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gte=2)
    if section_id:
        section = Page.objects.filter(pk=section_id).first()
        german = german.filter(path__startswith=section.path) if section else german.none()
    return german.order_by("path")


def german_sources():
    """The sources translations are made from: the German page's (a page translated the
    other way round also has one in its own language, which says nothing about this row)."""
    return TranslationSource.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def in_state(state: str, languages) -> Q:
    """German pages with at least one cell in ``state``: ``_cell``'s rules as SQL, so a state
    filter pages through matching rows in the database instead of computing every cell of
    the section (at 20,000 articles: every page, translation, source and review read).
    Each language's cell is a handful of ``EXISTS`` on indexed columns."""
    conditions = Q(pk__in=[])
    for language in languages:
        target = Page.objects.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=language
        )
        ready = TranslationReview.objects.filter(
            translation__source__object_id=OuterRef("translation_key"),
            translation__target_locale__language_code=language,
            state=TranslationReview.State.READY,
        )
        changed = german_sources().filter(
            object_id=OuterRef("translation_key"),
            last_updated_at__lt=OuterRef("latest_revision_created_at"),
        )
        exists, is_ready = Exists(target), Exists(ready)
        live = Exists(target.filter(live=True))
        cell = {
            "missing": ~exists,
            "ready": exists & is_ready,
            "draft": exists & ~is_ready & ~live,
            "changed": live & ~is_ready & Exists(changed),
            "up-to-date": live & ~is_ready & ~Exists(changed),
        }[state]
        conditions |= cell
    return conditions


def build_rows(section_id=None, mine=None, pages=None, exchange=frozenset()):
    """Rows of the overview; ``mine``: the viewer's languages (default: all); ``pages``: the
    German pages to show (default: all of the section); ``exchange``: the languages whose
    cells offer the XLIFF exchange. Five queries for any number."""
    pages = list(german_pages(section_id) if pages is None else pages)
    keys = [page.translation_key for page in pages]
    languages = translation_languages()
    targets = {
        (page.translation_key, page.locale.language_code): page
        for page in Page.objects.filter(
            translation_key__in=keys, locale__language_code__in=languages
        ).select_related("locale")
    }
    sources = {s.object_id: s for s in german_sources().filter(object_id__in=keys)}
    reviews = {
        (r.translation.source.object_id, r.translation.target_locale.language_code): r.state
        for r in TranslationReview.objects.filter(
            translation__source__object_id__in=keys
        ).select_related("translation__source", "translation__target_locale")
    }
    missing_terms = glossary_gaps(keys, languages)
    rows = []
    for page in pages:
        cells = []
        for language in languages:
            key = (page.translation_key, language)
            cell_state, url = _cell(
                page, targets.get(key), sources.get(page.translation_key), reviews.get(key)
            )
            cells.append(
                {
                    "state": cell_state,
                    "label": STATES[cell_state],
                    "url": url,
                    "glossary_missing": sorted(missing_terms.get(key, ())),
                    "xliff_url": _xliff_url(page, language, cell_state, exchange),
                }
            )
        link = _title_link(
            page, targets, languages, mine if mine is not None else {settings.LANGUAGE_CODE}
        )
        rows.append({"page": page, "cells": cells, "link": link})
    return languages, rows


def status_view(request):
    """``PAGE_SIZE`` pages a screen (``?p=``, as Wagtail's listings; a number out of range
    shows the last screen, anything else the first). Only the screen's pages are looked at
    (at 20,000 articles the unpaginated overview took 9.6 s and 6 MB): a state filter is
    asked of the database (``in_state``), which counts and slices the matching pages."""
    section = request.GET.get("section") or None
    if section is not None and not section.isdigit():
        section = None
    state = request.GET.get("state") if request.GET.get("state") in STATES else None
    mine = languages_of(request.user)
    pages = german_pages(section)
    if state is not None:
        pages = pages.filter(in_state(state, translation_languages()))
    screen = Paginator(pages, PAGE_SIZE).get_page(request.GET.get("p"))
    exchange = languages_translated_by(request.user)
    languages, rows = build_rows(section, mine=mine, pages=screen.object_list, exchange=exchange)
    named = [(code, language_name(code)) for code in languages]
    sections = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth=3).order_by(
        "path"
    )
    return TemplateResponse(
        request,
        "translation/status.html",
        {
            "languages": named,
            "rows": rows,
            "screen": screen,
            "elided_page_range": screen.paginator.get_elided_page_range(screen.number),
            "states": STATES.items(),
            "sections": sections,
            "active_section": int(section) if section else None,
            "active_state": state,
            "xliff_languages": [(code, name) for code, name in named if code in exchange],
        },
    )
