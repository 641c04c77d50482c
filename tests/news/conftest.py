import pytest
from wagtail.models import Page

from news.models import NewsIndexPage


@pytest.fixture
def news_index_de(db):
    return NewsIndexPage.objects.get(slug="aktuelles")


@pytest.fixture
def news_index_en(db):
    return NewsIndexPage.objects.get(slug="news")


@pytest.fixture
def press_release_de(db):
    from news.demo_articles import PRESS_RELEASE_SLUG

    return Page.objects.get(slug=PRESS_RELEASE_SLUG).specific
