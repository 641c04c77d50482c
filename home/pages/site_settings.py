"""Organisation data used by the footer and the legal pages (Impressum)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from home.editorial import help_texts as help

SOCIAL_PLATFORMS = [
    ("mastodon", "Mastodon"),
    ("instagram", "Instagram"),
    ("youtube", "YouTube"),
    ("linkedin", "LinkedIn"),
    ("facebook", "Facebook"),
    ("other", _("Other")),
]


class SocialProfileBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(choices=SOCIAL_PLATFORMS, label=_("Platform"))
    url = blocks.URLBlock(label=_("Profile address"))

    class Meta:
        icon = "site"
        label = _("Social profile")
        template = "blocks/social_profile_block.html"
        description = _("A link to one of the organisation's profiles, shown in the footer.")
        preview_value = {"platform": "mastodon", "url": "https://social.example.org/@lausitz"}


def _page_chooser(verbose_name, help_text):
    return models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(_("organisation name"), max_length=200)
    postal_address = models.TextField(
        _("postal address"), help_text=_("Street, postcode and town, one per line.")
    )
    email = models.EmailField(_("contact e-mail"))
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("International form, e.g. +49 355 …")
    )
    represented_by = models.CharField(
        _("represented by"),
        max_length=200,
        blank=True,
        help_text=_("Persons authorised to represent the organisation (Impressum, § 5 DDG)."),
    )
    register_entry = models.CharField(
        _("register entry"),
        max_length=200,
        blank=True,
        help_text=_("Register court and number, e.g. 'Amtsgericht Cottbus, HRB 0000'."),
    )
    vat_id = models.CharField(_("VAT identification number"), max_length=40, blank=True)
    content_responsible = models.CharField(
        _("responsible for content"),
        max_length=250,
        blank=True,
        help_text=_("Name and address of the person responsible under § 18 (2) MStV."),
    )
    social_profiles = StreamField(
        [("profile", SocialProfileBlock())], blank=True, verbose_name=_("social profiles")
    )
    impressum_page = _page_chooser(_("Impressum page"), _("The German legal notice page."))
    privacy_page = _page_chooser(_("privacy page"), _("The German privacy statement."))
    accessibility_page = _page_chooser(
        _("accessibility statement page"), _("The German accessibility statement.")
    )
    easy_read_page = _page_chooser(
        _("Leichte Sprache page"),
        _("The German page in Leichte Sprache (easy-read German), linked from every page."),
    )

    arbitration_body_name = models.CharField(
        _("arbitration body"),
        max_length=250,
        blank=True,
        help_text=_(
            "Where visitors can turn when we do not answer a barrier report in time or "
            "not satisfactorily; shown under the accessibility statement and on the report "
            "form. Federal bodies (BGG): 'Schlichtungsstelle nach dem "
            "Behindertengleichstellungsgesetz'. Public bodies of the State of Brandenburg "
            "and its municipalities (BbgBITV): the office at the State Commissioner for the "
            "Concerns of People with Disabilities. Its official German name; it is shown "
            "as it is in every language."
        ),
    )
    arbitration_body_url = models.URLField(
        _("arbitration body's website"),
        blank=True,
        help_text=_(
            "e.g. https://www.schlichtungsstelle-bgg.de (federal) or the page of the "
            "Brandenburg office. A plain link: nothing is loaded from there."
        ),
    )

    open_data_licence = models.CharField(
        _("open data licence"),
        max_length=100,
        default="CC BY 4.0",
        help_text=_(
            "The licence of the open data (the project lists as GeoJSON and CSV), by its "
            "short name, e.g. 'CC BY 4.0' or 'Datenlizenz Deutschland – Namensnennung – 2.0'."
        ),
    )
    open_data_licence_url = models.URLField(
        _("open data licence text"),
        default="https://creativecommons.org/licenses/by/4.0/",
        help_text=_("Where the licence text is published; linked next to the downloads."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name", help_text=help.ORGANISATION_NAME),
                FieldPanel("postal_address"),
                FieldPanel("email", help_text=help.ORGANISATION_EMAIL),
                FieldPanel("phone"),
            ],
            heading=_("Organisation"),
            help_text=help.ORGANISATION_GROUP,
        ),
        MultiFieldPanel(
            [
                FieldPanel("represented_by"),
                FieldPanel("register_entry"),
                FieldPanel("vat_id", help_text=help.VAT_ID),
                FieldPanel("content_responsible"),
            ],
            heading=_("Legal notice"),
            help_text=help.IMPRESSUM_GROUP,
        ),
        FieldPanel("social_profiles", help_text=help.SOCIAL_PROFILES),
        MultiFieldPanel(
            [
                FieldPanel("impressum_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("easy_read_page"),
            ],
            heading=_("Legal pages"),
            help_text=_(
                "Choose the German pages; visitors get the live translation in their language."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("arbitration_body_name"), FieldPanel("arbitration_body_url")],
            heading=_("Accessibility: arbitration"),
            help_text=_(
                "Named on the barrier report form, its confirmation and under the "
                "accessibility statement, in every language."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("open_data_licence"), FieldPanel("open_data_licence_url")],
            heading=_("Open data"),
            help_text=_(
                "Stated in the project downloads and next to their links; who reuses the "
                "data must follow it."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")


def default_site_name_and_host() -> tuple[str, str]:
    """The organisation's name, as the public pages' ``<title>`` ends with it, and the host
    of the default site; for the admin's search-result preview."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return "Lausitz-Portal", ""
    name = SiteSettings.for_site(site).organisation_name
    return name or "Lausitz-Portal", site.hostname
