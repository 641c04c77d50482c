"""The project listing: filters by district, topic and status, the map, the open data."""

from dataclasses import dataclass

from django.db.models import Max
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from home.i18n import public
from home.listings.cards import for_cards
from home.listings.pages import CardPrefetch, ListingPage, filter_by_topic, paginate
from home.topics.localized import topics_of_language
from portal.languages import current_language
from projects.choices import District, ProjectStatus
from projects.exports import csv_response, geojson_response
from projects.models.project import ProjectPage

PROJECTS_PER_PAGE = 12
# What a map marker and an export row read of a project: nothing else is loaded for them.
MARKER_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "locale_id",
    "translation_key",
    "summary",
    "district",
    "municipality",
    "latitude",
    "longitude",
    "status",
)


@dataclass(frozen=True)
class ProjectFilters:
    """The filters of one request, each optional; any combination of them."""

    district: str | None = None
    status: str | None = None
    topic: object = None

    def query(self) -> str:
        """The active filters as a query string for pagination and export links."""
        parts = []
        if self.district:
            parts.append(f"district={self.district}")
        if self.topic is not None:
            parts.append(f"topic={self.topic.slug}")
        if self.status:
            parts.append(f"status={self.status}")
        return "&".join(parts)


def _choice(request, name: str, choices) -> str | None:
    """``?name=`` as one of ``choices``; empty means no filter, anything else is a 404."""
    value = request.GET.get(name) or None
    if value is not None and value not in choices.values:
        raise Http404(f"unknown {name}")
    return value


class ProjectIndexPage(ListingPage):
    subpage_types = ["projects.ProjectPage"]
    template = "projects/project_index_page.html"

    class Meta:
        verbose_name = _("project index")

    def projects(self):
        """Live, public projects of this index (and so of its language), by title."""
        return public(
            ProjectPage.objects.child_of(self).live().filter(locale_id=self.locale_id)
        ).order_by("title", "pk")

    def filtered(self, request):
        """(filters, projects) for the query string of ``request``; bad values are 404."""
        district = _choice(request, "district", District)
        status = _choice(request, "status", ProjectStatus)
        topic, (projects,) = filter_by_topic(request, [self.projects()], current_language())
        if district:
            projects = projects.filter(district=district)
        if status:
            projects = projects.filter(status=status)
        return ProjectFilters(district, status, topic), projects

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters, projects = self.filtered(request)
        context.update(
            projects=paginate(request, projects, PROJECTS_PER_PAGE),
            markers=list(projects.only(*MARKER_FIELDS)),
            prepare_cards=CardPrefetch(current_language()),
            filters=filters,
            filter_query=filters.query(),
            districts=District.choices,
            statuses=ProjectStatus.choices,
            topics=topics_of_language(current_language(), request),
        )
        return context

    @path("geojson/", name="geojson")
    def geojson(self, request):
        filters, projects = self.filtered(request)
        return geojson_response(request, self, list(for_cards(projects)))

    def geojson_url(self, request=None):
        return self.get_url(request) + "geojson/"

    def csv_url(self, request=None):
        return self.get_url(request) + "csv/"

    def get_sitemap_urls(self, request=None):
        """The listing, then its open data: both exports are part of what the site
        publishes, so search engines and data portals find them too. They change when a
        project is published."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        listing = urls[0]
        changed = self.projects().aggregate(changed=Max("last_published_at"))["changed"]
        for export in ("geojson/", "csv/"):
            urls.append(
                {"location": listing["location"] + export, "lastmod": changed or listing["lastmod"]}
            )
        return urls

    @path("csv/", name="csv")
    def csv(self, request):
        filters, projects = self.filtered(request)
        return csv_response(request, self, list(for_cards(projects)))
