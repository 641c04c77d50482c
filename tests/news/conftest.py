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


@pytest.fixture
def editor(django_user_model):
    """A member of the editors' group, without the permission to see registrations."""
    from django.contrib.auth.models import Group

    from home.translation.roles import EDITORS, setup_roles

    setup_roles()
    user = django_user_model.objects.create_user("redakteurin", "r@example.org", "x")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def organiser(editor):
    """An editor who may see, export and cancel registrations."""
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="export_registrations"))
    return editor


@pytest.fixture
def add_translated_event(django_capture_on_commit_callbacks):
    """A function that adds one German event (image, topics, a district) with its live
    English translation, for "the query count does not grow" tests of event lists."""
    from wagtail.models import Locale

    from news.models import EventIndexPage
    from tests.factories.events import EventPageFactory
    from tests.helpers import translate_with_localize

    index = EventIndexPage.objects.get(slug="veranstaltungen")
    english = Locale.objects.get(language_code="en")

    def add():
        event = EventPageFactory(parent=index, district="spree-neisse")
        with django_capture_on_commit_callbacks(execute=True):
            translate_with_localize(event)
        assert event.get_translation(english).live
        return event

    return add
