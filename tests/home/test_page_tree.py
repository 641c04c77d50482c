"""The page tree rules hold exactly, so editors cannot build what templates don't expect."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from campaign.models import CampaignPage
from home.models import HomePage, SearchPage, StandardPage
from news.models import EventIndexPage, NewsIndexPage, PressPage
from projects.models import ProjectIndexPage, ProjectPage


class PageTreeRules(WagtailPageTestCase):
    def test_home_page(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                SearchPage,
                NewsIndexPage,
                EventIndexPage,
                PressPage,
                ProjectIndexPage,
                CampaignPage,
            },
        )

    def test_projects(self):
        self.assertAllowedParentPageTypes(ProjectIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProjectIndexPage, {ProjectPage})
        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
        self.assertAllowedSubpageTypes(ProjectPage, set())

    def test_press_page(self):
        self.assertAllowedParentPageTypes(PressPage, {HomePage})
        self.assertAllowedSubpageTypes(PressPage, set())
        self.assertCanNotCreateAt(StandardPage, PressPage)

    def test_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_search_page(self):
        self.assertAllowedParentPageTypes(SearchPage, {HomePage})
        self.assertAllowedSubpageTypes(SearchPage, set())
        self.assertCanNotCreateAt(StandardPage, SearchPage)
        self.assertCanNotCreateAt(SearchPage, StandardPage)

    def test_not_allowed(self):
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertCanNotCreateAt(Page, StandardPage)
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanCreateAt(HomePage, StandardPage)
