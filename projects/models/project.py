"""A structural-change project: what it is, where it is, how far it has come, who pays."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BaseStreamBlock
from home.blocks.media import ImageWithCaptionBlock
from home.editorial import help_texts as help
from home.editorial.slugs import AsciiSlugMixin
from home.i18n import page_language
from home.pages.models import FastViewRestrictionsMixin, HeroImageMixin
from home.topics.localized import TopicsInLanguageMixin
from home.topics.panels import TopicsPanel
from projects import geo
from projects.choices import District, ProjectStatus
from projects.mentions import pages_naming
from projects.panels import ProjectLocationPanel
from projects.structured_data import project_json_ld

# Facts, not text: they reach every language as soon as the German project is published
# (projects/facts.py). Topics travel with the topic synchronisation every page type shares.
PROJECT_FACT_FIELDS = [
    "district",
    "municipality",
    "latitude",
    "longitude",
    "status",
    "funding_amount",
    "start_date",
    "end_date",
]


class ProjectPage(
    AsciiSlugMixin, FastViewRestrictionsMixin, HeroImageMixin, TopicsInLanguageMixin, Page
):
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences for the list, the map and sharing; at most 300."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("What the project does, for whom, and what changes when it is done."),
    )
    district = models.CharField(
        _("district"),
        max_length=30,
        choices=District.choices,
        help_text=_("The district (or Cottbus) where the project takes place."),
    )
    municipality = models.CharField(
        _("municipality"),
        max_length=120,
        help_text=_("Town or municipality, e.g. 'Spremberg'. Shown in the list and the data."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=7,
        decimal_places=5,
        null=True,
        help_text=_("North, in decimal degrees (WGS 84), e.g. 51.75637. Or click on the map."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=7,
        decimal_places=5,
        null=True,
        help_text=_("East, in decimal degrees (WGS 84), e.g. 14.33289. Or click on the map."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProjectStatus.choices,
        default=ProjectStatus.PLANNING,
        help_text=_("How far the project has come; change it when it moves on."),
    )
    funding_programme = models.CharField(
        _("funding programme"),
        max_length=200,
        blank=True,
        help_text=_("The programme that pays for it, e.g. 'Just Transition Fund (JTF)'."),
    )
    funding_amount = models.DecimalField(
        _("funding amount (euros)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Funding granted, in euros, without thousands separators; empty if open."),
    )
    partners = models.TextField(
        _("partners"),
        blank=True,
        help_text=_("Who carries out the project, one organisation per line."),
    )
    start_date = models.DateField(
        _("start"), null=True, blank=True, help_text=_("When work starts (or started).")
    )
    end_date = models.DateField(
        _("end"), null=True, blank=True, help_text=_("When it is planned to be finished.")
    )
    topics = ParentalManyToManyField(
        "home.Topic", blank=True, related_name="project_pages", verbose_name=_("topics")
    )
    gallery = StreamField(
        [("image", ImageWithCaptionBlock())],
        blank=True,
        verbose_name=_("images"),
        help_text=_("Further pictures of the project, shown after the text."),
    )

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []
    template = "projects/project_page.html"

    override_translatable_fields = [SynchronizedField(name) for name in PROJECT_FACT_FIELDS] + [
        SynchronizedField("topics"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        ProjectLocationPanel(
            [
                FieldRowPanel([FieldPanel("district"), FieldPanel("municipality")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Place"),
            help_text=_(
                "Where the project is: district, municipality and a point for the map. "
                "These facts are the same in every language."
            ),
            classname="project-location",
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("funding_programme"),
                FieldPanel("funding_amount"),
                FieldPanel("partners"),
            ],
            heading=_("Status, funding and partners"),
            help_text=_("Status, dates and amount are the same in every language."),
        ),
        TopicsPanel(help_text=help.TOPICS),
        *HeroImageMixin.hero_panels,
        FieldPanel("body", help_text=help.BODY),
        FieldPanel("gallery"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("municipality"),
        index.SearchField("funding_programme"),
        index.SearchField("partners"),
        index.FilterField("district"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        """Rules editors understand; copes with values a field error left empty."""
        super().clean()
        errors = {}
        if self.latitude is None:
            errors["latitude"] = _("Please give the latitude, or click on the map.")
        if self.longitude is None:
            errors["longitude"] = _("Please give the longitude, or click on the map.")
        if (
            self.latitude is not None
            and self.longitude is not None
            and not geo.in_region(self.latitude, self.longitude)
        ):
            errors["latitude"] = _(
                "This point lies outside the Lausitz. Check the order: latitude (about 51.3 "
                "to 52.4) first, longitude (about 13.0 to 14.8) second."
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end must not be before the start.")
        if self.funding_amount is not None and self.funding_amount < 0:
            errors["funding_amount"] = _("The amount cannot be negative.")
        if errors:
            raise ValidationError(errors)

    @property
    def partner_list(self) -> list[str]:
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    def mentions(self) -> dict[str, list]:
        """News and events that name this project, live and public in this page's
        language, by page type label ("news.NewsPage": [...]). Asked for by the template
        inside a cached fragment."""
        return pages_naming(self, page_language(self))

    def map_markers(self) -> list:
        """The project as the one marker of its own small map."""
        return [self]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = self.get_parent()
        return context

    def structured_data(self, request):
        return project_json_ld(self, request)
