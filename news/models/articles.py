"""News and press releases ("Aktuelles"): one index per language and the articles."""

import datetime

from django import forms
from django.apps import apps
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BaseStreamBlock, RelatedPageBlock
from home.chrome.cache import home_child, home_page_for
from home.editorial import help_texts as help
from home.editorial.slugs import AsciiSlugMixin
from home.i18n import localized_stream_pages, page_language, public
from home.listings.pages import CardPrefetch, ListingPage, filter_by_topic, paginate
from home.naming import named_by
from home.pages.models import FastViewRestrictionsMixin, HeroImageMixin
from home.seo.structured_data import image_object, organisation
from home.topics.localized import TopicsInLanguageMixin
from home.topics.panels import TopicsPanel
from news.feeds import NewsFeed
from news.models.contacts import PressContact
from portal.languages import current_language


class NewsKind(models.TextChoices):
    PRESS_RELEASE = "press-release", _("Press release")
    NEWS = "news", _("News")


def press_page_for(request, language: str):
    """The live, public press page of ``language`` from the site chrome (no query), or None.
    By label: ``news.models.press`` imports this module."""
    model = apps.get_model("news", "PressPage")
    return home_child(request, home_page_for(language, request), model)


class NewsIndexPage(ListingPage):
    subpage_types = ["news.NewsPage"]
    template = "news/news_index_page.html"

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        """Live, public articles of this index (and so of its language), newest first."""
        return public(
            NewsPage.objects.child_of(self).live().filter(locale_id=self.locale_id)
        ).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = current_language()  # equals the page's: see refuse_page_in_another_language
        topic, (articles,) = filter_by_topic(request, [self.articles()], language)
        kind = request.GET.get("kind") or None
        if kind is not None:
            if kind not in NewsKind.values:
                raise Http404("unknown kind")
            articles = articles.filter(kind=kind)
        current = paginate(request, articles)
        context.update(
            articles=current,
            prepare_cards=CardPrefetch(language),
            active_topic=topic,
            active_kind=kind,
            kinds=NewsKind.choices,
            filter_query=filter_query(topic, kind),
            press_page=press_page_for(request, language),
        )
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        return NewsFeed(self)(request)

    def feed_url(self, request=None):
        return self.get_url(request) + "feed/"


def filter_query(topic, kind):
    """The active filters as a query-string prefix for pagination links."""
    parts = []
    if topic is not None:
        parts.append(f"topic={topic.slug}")
    if kind:
        parts.append(f"kind={kind}")
    return "&".join(parts)


class NewsPage(
    AsciiSlugMixin, FastViewRestrictionsMixin, HeroImageMixin, TopicsInLanguageMixin, Page
):
    date = models.DateField(
        _("publication date"),
        default=datetime.date.today,
        help_text=_("Shown on the article and used for ordering; not the time it goes live."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=NewsKind.choices, default=NewsKind.NEWS
    )
    teaser = models.TextField(
        _("teaser"),
        max_length=300,
        help_text=_("One or two sentences for lists, feeds and sharing; at most 300 characters."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    source_line = models.CharField(
        _("source line"),
        max_length=250,
        blank=True,
        help_text=_("Shown at the end, e.g. 'Quelle: Lausitz-Entwicklungsagentur'."),
    )
    topics = ParentalManyToManyField(
        "home.Topic", blank=True, related_name="news_pages", verbose_name=_("topics")
    )
    projects = ParentalManyToManyField(
        "projects.ProjectPage",
        blank=True,
        related_name="news_pages",
        verbose_name=_("projects"),
        help_text=_("Projects this is about; the project pages list it in return."),
    )
    related_pages = StreamField(
        [("page", RelatedPageBlock())],
        blank=True,
        verbose_name=_("related pages"),
        help_text=_("News, events or campaign films shown under the article."),
    )
    press_contact = models.ForeignKey(
        "news.PressContact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("press contact"),
        help_text=_("Shown as a contact card at the end of press releases."),
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    # The order in which a project lists the pages of this type that name it.
    naming_order = ("-date", "-pk")
    template = "news/news_page.html"

    override_translatable_fields = [
        SynchronizedField("date"),
        SynchronizedField("kind"),
        SynchronizedField("topics"),
        SynchronizedField("press_contact"),
        SynchronizedField("related_pages"),
        SynchronizedField("projects"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("kind", help_text=help.NEWS_KIND),
                TopicsPanel(help_text=help.TOPICS),
            ],
            heading=_("About this article"),
            help_text=help.ARTICLE_GROUP,
        ),
        FieldPanel("teaser"),
        *HeroImageMixin.hero_panels,
        FieldPanel("body", help_text=help.BODY),
        FieldPanel("source_line"),
        FieldPanel("press_contact"),
        FieldPanel("projects", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_pages"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.SearchField("source_line"),
        index.FilterField("date"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # The listing's order (newest first) read from an index, stopping after one page:
        # at 20,000 articles PostgreSQL otherwise joins and sorts them all (67 ms -> 0.4 ms).
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="news_article_by_date")]

    def siblings_in_language(self):
        return public(NewsPage.objects.live().filter(locale_id=self.locale_id))

    def neighbours(self):
        """(previous, next) article in this language, in one query: each is picked by a
        ``LIMIT 1`` subquery (two ``.first()`` calls would cost a query each)."""
        older = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        newer = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        siblings = self.siblings_in_language()
        previous_id = siblings.filter(older).order_by("-date", "-pk").values("pk")[:1]
        next_id = siblings.filter(newer).order_by("date", "pk").values("pk")[:1]
        found = list(NewsPage.objects.filter(Q(pk__in=previous_id) | Q(pk__in=next_id)))
        before = [page for page in found if (page.date, page.pk) < (self.date, self.pk)]
        after = [page for page in found if (page.date, page.pk) > (self.date, self.pk)]
        return (before[0] if before else None), (after[0] if after else None)

    def projects_in_language(self) -> list:
        """The projects this page names (its German version does), live and public in this
        page's language."""
        return named_by(self, "projects", page_language(self))

    def related_items(self):
        """Related pages in this page's language, live and public; others left out."""
        return localized_stream_pages(self.related_pages, page_language(self))

    def contact_in_language(self):
        """The press contact in this page's language (live), or None."""
        if not self.press_contact_id:
            return None
        return PressContact.live_for(self.press_contact_id, page_language(self))

    def get_context(self, request, *args, **kwargs):
        """Topics, contact, related pages and neighbours are not looked up here: the template
        asks for them inside its cached fragments, so a fragment hit costs no query."""
        context = super().get_context(request, *args, **kwargs)
        # The parent as routing found it: a plain page is enough for its URL and title.
        index_page = self.get_parent()
        context["index_page"] = index_page
        context["feed_url"] = NewsIndexPage.feed_url(index_page, request)
        context["press_page"] = press_page_for(request, page_language(self))
        return context

    def structured_data(self, request):
        """schema.org NewsArticle for search engines (rendered as JSON-LD)."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.teaser,
            "datePublished": self.published_datetime().isoformat(),
            "dateModified": (self.last_published_at or self.published_datetime()).isoformat(),
            "inLanguage": page_language(self),
            "mainEntityOfPage": self.get_full_url(request),
            "publisher": organisation(request),
            "author": organisation(request),
        }
        if self.hero_image:
            data["image"] = image_object(self.hero_image, request)
        topics = self.topics_in_language()
        if topics:
            data["keywords"] = ", ".join(topic.name for topic in topics)
        return data

    def published_datetime(self):
        """The article date as a time-zone aware datetime (start of day, Europe/Berlin)."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time.min))
