"""wagtail-localize's listing buttons ("Translate this page", "Sync translated pages") for a
whole page of the explorer at once (issue 31).

wagtail-localize answers both questions per row, with two or three queries each (are there
locales without a translation; is this page a translation source with enabled
translations): 146 queries for a page of 50 articles. Here the explorer's queryset carries
both answers as annotations (``construct_explorer_page_queryset``), and the replacement
hook reads them; it yields the same buttons with the same addresses. A page that did not
come through the explorer's queryset (a search result, another listing) falls back to
wagtail-localize's own function, so nothing is lost where the annotations are missing.
"""

from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import Translation, TranslationSource

from home.i18n import locale_ids

HOOK = "register_page_listing_more_buttons"
HEADER_HOOK = "register_page_header_buttons"
PERMISSION = "wagtail_localize.submit_translation"


def annotate_translation_state(parent_page, pages, request):
    """``construct_explorer_page_queryset``: per page, how many non-alias versions exist
    (itself included), its translation source in its own locale, and whether that source
    has enabled translations; three subqueries of the one listing query."""
    versions = (
        Page.objects.filter(translation_key=OuterRef("translation_key"), alias_of__isnull=True)
        .order_by()
        .values("translation_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    )
    enabled = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__locale_id=OuterRef("locale_id"),
        enabled=True,
    )
    return pages.annotate(
        localize_versions=Subquery(versions[:1]),
        localize_source_id=Subquery(source.values("pk")[:1]),
        localize_syncable=Exists(enabled),
    )


def listing_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's ``page_listing_more_buttons``, read from the annotations."""
    if not hasattr(page, "localize_syncable"):
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name, next_url)
        return
    if page.is_root() or not user.has_perm(PERMISSION):
        return
    if (page.localize_versions or 0) < len(locale_ids()):
        yield ListingButton(
            _("Translate this page"),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    if page.localize_syncable and page.localize_source_id:
        url = reverse("wagtail_localize:update_translations", args=[page.localize_source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def header_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's header buttons of one page (the explorer's parent, the editor's
    page), from one query of the same annotations instead of its three or four."""
    if page.is_root() or not user.has_perm(PERMISSION):
        return
    annotated = annotate_translation_state(None, Page.objects.filter(pk=page.pk), None)
    state = annotated.values("localize_versions", "localize_source_id", "localize_syncable")
    for name, value in (state.first() or {}).items():
        setattr(page, name, value)
    yield from listing_buttons(page, user, view_name, next_url)


def _replace(hook_name, original, replacement) -> bool:
    registered = hooks._hooks.get(hook_name, [])
    orders = [order for fn, order in registered if fn is original]
    if not orders:
        return False  # already installed, or wagtail-localize changed: its own hook stays
    hooks._hooks[hook_name] = [(fn, order) for fn, order in registered if fn is not original]
    hooks.register(hook_name, replacement, order=orders[0])
    return True


def install() -> None:
    """Put ``listing_buttons`` and ``header_buttons`` in the place of wagtail-localize's
    listing and header hooks (one function, registered for both). Called from
    ``HomeConfig.ready``, after every app's hooks are registered."""
    hooks.search_for_hooks()
    original = localize_hooks.page_listing_more_buttons
    if _replace(HOOK, original, listing_buttons):
        hooks.register("construct_explorer_page_queryset", annotate_translation_state)
    _replace(HEADER_HOOK, original, header_buttons)
