"""A further language is a matter of settings: Lower Sorbian (``dsb``, which Django knows),
turned on in the settings of this test only, gets its URL prefix, its place in the
switcher and hreflang, its roles and its column in the status overview, with no code
changed. Its pages are wagtail-localize translations like the English ones."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page

from home.i18n import forget_locale_ids
from home.translation.roles import languages_of, setup_roles
from tests.helpers import hreflangs, parse_links, sitemap_text, translate_with_localize

pytestmark = pytest.mark.django_db

SORBIAN = ("dsb", "Niedersorbisch")


@pytest.fixture
def sorbian(settings, home_de, django_capture_on_commit_callbacks):
    """The settings with Lower Sorbian added, its locale, and the home page and Impressum
    translated into it (text prefixed "DSB ")."""
    languages = [*settings.LANGUAGES, SORBIAN]
    settings.LANGUAGES = languages
    settings.WAGTAIL_CONTENT_LANGUAGES = languages
    settings.WAGTAILADMIN_PERMITTED_LANGUAGES = languages
    settings.PORTAL_TRANSLATION_LANGUAGES = [
        code for code, _name in languages if code != settings.LANGUAGE_CODE
    ]
    Locale.objects.get_or_create(language_code="dsb")
    forget_locale_ids()
    impressum = Page.objects.get(slug="impressum", locale__language_code="de")
    with django_capture_on_commit_callbacks(execute=True):
        home = translate_with_localize(home_de, "dsb", rewrite=lambda text: f"DSB {text}")
        legal = translate_with_localize(impressum, "dsb", rewrite=lambda text: f"DSB {text}")
    return home, legal


def test_the_language_has_its_prefix_and_is_chosen_for_its_visitors(client, sorbian):
    home, legal = sorbian
    response = client.get("/dsb/")
    assert response.status_code == 200
    assert parse_links(response.content.decode()).html_attrs["lang"] == "dsb"
    assert client.get(legal.url).status_code == 200
    assert legal.url.startswith("/dsb/")
    redirect = client.get("/", HTTP_ACCEPT_LANGUAGE="dsb,de;q=0.5")
    assert redirect["Location"] == "/dsb/"
    assert legal.url in sitemap_text(client)


def test_switcher_and_hreflang_offer_every_language(client, sorbian, settings):
    _home, legal = sorbian
    html = client.get("/de/impressum/").content.decode()
    alternates = hreflangs(html)
    assert {"de", "en", "dsb"} <= set(alternates)
    assert alternates["dsb"].endswith(legal.url)
    start = html.index('class="language-switcher"')
    switcher = html[start : html.index("</nav>", start)]
    codes = [a["hreflang"] for a in parse_links(switcher).anchors if "hreflang" in a]
    german = Page.objects.get(slug="impressum", locale__language_code="de")
    translated = {page.locale.language_code for page in german.get_translations()}
    assert "dsb" in translated
    assert codes == [code for code, _name in settings.LANGUAGES if code in translated]


def test_roles_and_status_column_follow_the_settings(sorbian, django_user_model):
    home, _legal = sorbian
    groups = setup_roles()
    assert {"Übersetzung DSB", "Freigabe DSB"} <= set(groups)
    user = django_user_model.objects.create_user("serbski", "s@example.org", "pw")
    user.groups.set([Group.objects.get(name="Übersetzung DSB")])
    assert languages_of(user) == {"dsb"}
    assert home.permissions_for_user(user).can_edit()
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    assert not english_home.permissions_for_user(user).can_edit()
    client = Client()
    client.force_login(user)
    overview = client.get(reverse("portal_translation_status")).content.decode()
    assert "Niedersorbisch" in overview or "Lower Sorbian" in overview


def test_no_migration_follows_from_another_language(settings):
    """Fields with language choices take them from a function, so the models' state does not
    change with ``LANGUAGES`` (``makemigrations --check`` exits 1 on any change)."""
    settings.LANGUAGES = [*settings.LANGUAGES, SORBIAN]
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
