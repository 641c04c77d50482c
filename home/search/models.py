"""The search page: one per language, under the home page."""

from django.db import models
from django.http import Http404
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from home.chrome.cache import home_page_for
from home.editorial.forms import PortalPageForm
from home.editorial.slugs import AsciiSlugMixin
from home.pages.models import FastViewRestrictionsMixin
from home.search import query as search_query
from home.search import results, types
from home.topics.localized import topics_of_language
from portal.languages import current_language


class SearchPage(AsciiSlugMixin, FastViewRestrictionsMixin, Page):
    """Searches live, public pages of its own language; see ``home/search/``.

    A page rather than a view so that editors own its title, slug and intro per language
    (``/de/suche/``, ``/en/search/``) and the language switcher and hreflang work as on
    every other page. Result pages are ``noindex`` and the page is left out of the sitemap.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("Optional, shown above the search field."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    base_form_class = PortalPageForm
    template = "home/search_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("search page")

    def get_sitemap_urls(self, request=None):
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = current_language()  # equals the page's: see refuse_page_in_another_language
        query = search_query.clean_query(request.GET.get("q"))
        terms = search_query.search_terms(query)
        type_key = request.GET.get("type") or None
        if type_key is not None and not types.is_known_type(type_key):
            raise Http404("unknown result type")
        topics = topics_of_language(language, request)  # for the filter and the empty state
        topic = None
        if topic_slug := request.GET.get("topic"):
            topic = next((t for t in topics if t.slug == topic_slug), None)
            if topic is None:
                raise Http404("unknown topic")
        searching = bool(terms or type_key or topic)
        # Promotions belong to the plain query: shown first on page 1, never twice.
        promoted = (
            results.promoted_pages(query, language, request)
            if terms and not (type_key or topic)
            else []
        )
        hits = results.paginate(
            results.search(terms, language, type_key, topic, exclude=promoted) if searching else [],
            request.GET.get("page"),
        )
        shown_promoted = promoted if hits.number == 1 else []
        found = results.build_results(
            [*shown_promoted, *hits.object_list],
            terms,
            language,
            request,
            {page.pk for page in shown_promoted},
            topic_url=self.get_url(request),
        )
        total = hits.paginator.count + len(promoted)
        # More hits than are counted (``ranked.COUNT_LIMIT``): "more than 1,000 results".
        capped = getattr(hits.paginator.object_list, "capped", False)
        context.update(
            capped=capped,
            query=query,
            searching=searching,
            results=found,
            hits=hits,
            total=total,
            result_types=types.available_types(),
            active_type=type_key,
            active_topic=topic,
            filter_query=filter_query(query, type_key, topic),
        )
        context["topics"] = topics
        if not found:
            context["suggested_pages"] = results.menu_suggestions(home_page_for(language, request))
        return context


def filter_query(query, type_key, topic) -> str:
    """The search and its filters as a query string for pagination links (escaped by
    ``urlencode``, so the visitor's input cannot break out of the link)."""
    params = {"q": query, "type": type_key or "", "topic": topic.slug if topic else ""}
    return urlencode({key: value for key, value in params.items() if value})
