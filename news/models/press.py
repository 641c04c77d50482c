"""The press area ("Presse"): one page per language under the home page, for journalists.

It lists the live press releases of its language (the news index's cards and listing code,
filtered by topic and year), offers press photos with credit, licence and the original file
to download, and shows the press contacts of its language.
"""

import re
from functools import cached_property
from urllib.parse import urlencode

from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.editorial import help_texts as help
from home.i18n import page_language, public
from home.listings.pages import CardPrefetch, ListingPage, filter_by_topic, paginate
from home.seo.structured_data import absolute, organisation
from home.topics.localized import topics_of_language
from news.models.articles import NewsKind, NewsPage
from news.models.contacts import PressContact
from news.press_photos import PressPhotoBlock, load_press_photos
from portal.caching.fragments import generation_cached
from portal.downloads import attachment
from portal.storage.content_types import content_type_for

YEAR = re.compile(r"^[0-9]{4}$")


class PressPage(ListingPage):
    body = StreamField(
        BaseStreamBlock(), blank=True, verbose_name=_("body"), help_text=help.PRESS_BODY
    )
    photos = StreamField(
        [("photo", PressPhotoBlock())],
        blank=True,
        verbose_name=_("press photos"),
        help_text=help.PRESS_PHOTOS,
    )

    subpage_types = []
    template = "news/press_page.html"

    content_panels = ListingPage.content_panels + [
        FieldPanel("body"),
        FieldPanel("photos"),
    ]
    search_fields = ListingPage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("press page")
        verbose_name_plural = _("press pages")

    # --- Press releases --------------------------------------------------------------

    def press_releases(self):
        """Live, public press releases of this page's language (under any news index),
        newest first."""
        return public(
            NewsPage.objects.live().filter(locale_id=self.locale_id, kind=NewsKind.PRESS_RELEASE)
        ).order_by("-date", "-pk")

    def release_years(self, request=None) -> list[int]:
        """Years with press releases, newest first: kept per generation (the filter needs
        them on every view, and they change only when something is published)."""
        return generation_cached(
            "press-years",
            (self.pk,),
            lambda: [day.year for day in self.press_releases().dates("date", "year", "DESC")],
            request,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = page_language(self)
        topic, (releases,) = filter_by_topic(request, [self.press_releases()], language)
        year = parse_year(request.GET.get("year"), self.release_years(request))
        if year is not None:
            releases = releases.filter(date__year=year)
        context.update(
            releases=paginate(request, releases),
            prepare_cards=CardPrefetch(language),
            topics=topics_of_language(language, request),
            years=self.release_years(request),
            active_topic=topic,
            active_year=year,
            filter_query=filter_query(topic, year),
        )
        return context

    # --- Photos and contacts (asked for inside the template's cached fragments) -------

    @cached_property
    def press_photos(self):
        """The public photos of the list, each with ``download_path`` (relative to the
        page's URL)."""
        photos = load_press_photos(self.photos)
        for photo in photos:
            photo.download_path = self.reverse_subpage("photo", args=(photo.image.pk,))
        return photos

    def press_contacts(self):
        """The live press contacts of this page's language, by name."""
        return list(
            PressContact.objects.filter(live=True, locale_id=self.locale_id).order_by("name")
        )

    def photo_url(self, photo, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("photo", args=(photo.image.pk,))

    @path("download/<int:image_id>/", name="photo")
    def photo(self, request, image_id):
        """The original file of a photo on this page, as uploaded (never re-encoded), with
        its name in Content-Disposition (Wagtail's serve pattern allows no dot in a path,
        so the name cannot be in the URL). Only images of the page's list that are public."""
        photo = next(
            (p for p in load_press_photos(self.photos, False) if p.image.pk == image_id), None
        )
        if photo is None:
            raise Http404("not a press photo of this page")
        handle = photo.image.file.open("rb")
        response = FileResponse(handle, content_type=content_type_for(photo.image.file.name))
        response["Content-Disposition"] = attachment(photo.filename)
        response["Content-Length"] = str(photo.image.file.size)
        response["X-Content-Type-Options"] = "nosniff"
        return response

    # --- Structured data ------------------------------------------------------------

    def structured_data(self, request):
        """schema.org CollectionPage with the press photos as ImageObjects (credit, licence,
        copyright), so that image search shows who to credit and on what terms."""
        data = {
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": self.title,
            "description": self.intro,
            "inLanguage": page_language(self),
            "url": self.get_full_url(request),
            "publisher": organisation(request),
        }
        images = [self.photo_json_ld(photo, request) for photo in self.press_photos]
        if images:
            data["image"] = images
        return data

    def photo_json_ld(self, photo, request) -> dict:
        image = photo.image
        item = {
            "@type": "ImageObject",
            "contentUrl": absolute(request, self.photo_url(photo, request)),
            "name": photo.label,
            "encodingFormat": content_type_for(image.file.name),
            "width": image.width,
            "height": image.height,
            "contentSize": photo.file_size_text,
            "acquireLicensePage": self.get_full_url(request),
        }
        if photo.caption:
            item["caption"] = photo.caption
        if image.credit:
            item["creditText"] = image.credit
            item["copyrightNotice"] = image.credit
        if image.licence:
            item["license"] = image.licence_url or self.get_full_url(request)
        return item


def parse_year(raw: str | None, years: list[int]) -> int | None:
    """``?year=`` as one of ``years`` (years with press releases); empty means all years,
    anything else is a 404."""
    if raw is None or raw == "":
        return None
    if not YEAR.match(raw) or int(raw) not in years:
        raise Http404("unknown year")
    return int(raw)


def filter_query(topic, year) -> str:
    """The active filters as a query-string prefix for pagination links."""
    params = {}
    if topic is not None:
        params["topic"] = topic.slug
    if year is not None:
        params["year"] = year
    return urlencode(params)
