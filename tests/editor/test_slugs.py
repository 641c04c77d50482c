"""New pages get ASCII slugs with German umlauts written out, "fachkraefte-sicherung" from
"Fachkräfte-Sicherung", whichever way the slug is made: by the admin's script (see
tests/browser/test_editor_fields.py), typed, left empty, or not given at all in code
(issue 21)."""

import json
import re
from html import unescape

import pytest
from django.apps import apps
from wagtail.models import Page

from home.editorial.forms import PortalPageForm
from home.editorial.slugs import AsciiSlugMixin
from home.models import StandardPage
from portal.transliteration import ascii_slug
from tests.editor.admin_forms import edit_form_data

TITLE = "Fachkräfte-Sicherung"
SLUG = "fachkraefte-sicherung"


@pytest.mark.parametrize(
    "text, slug",
    [
        (TITLE, SLUG),
        ("Größere Übergänge für Ärztinnen", "groessere-uebergaenge-fuer-aerztinnen"),
        ("STRASSE ẞ", "strasse-ss"),
        ("Fachkra\u0308fte", "fachkraefte"),  # "ä" as "a" + combining diaeresis (macOS)
        ("Skilled workers for Lusatia", "skilled-workers-for-lusatia"),
        ("Café in Żary – 2 €", "cafe-in-zary-2"),
        ("Strona główna Łużyc", "strona-glowna-luzyc"),  # "ł" has no base letter in Unicode
        ("日本", ""),
    ],
)
def test_the_slug_rule_writes_umlauts_out_and_keeps_other_languages_working(text, slug):
    assert ascii_slug(text) == slug


# --- Through the admin's page form --------------------------------------------------------


def add_url(parent):
    return f"/admin/pages/add/home/standardpage/{parent.pk}/"


def post_new_page(client, parent, publish=True, **fields):
    user = client.user if hasattr(client, "user") else None
    data = edit_form_data(StandardPage(locale=parent.locale), user, **fields)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(add_url(parent), data)


@pytest.fixture
def admin(admin_client, admin_user):
    admin_client.user = admin_user
    return admin_client


@pytest.mark.django_db
def test_create_form_gives_wagtails_slug_script_the_german_rule(admin, home_de):
    html = admin.get(add_url(home_de)).content.decode()
    (slug_input,) = re.findall(r'<input[^>]*name="slug"[^>]*>', html)
    # Django leaves a False attribute out: the controller's default, no Unicode, applies.
    assert "allow-unicode" not in slug_input
    # The formatters run before the script's own transliteration ("ä" would become "a").
    formatters = json.loads(
        unescape(re.search(r'data-w-slug-formatters-value="([^"]*)"', slug_input).group(1))
    )
    assert [["ä", "gu"], "ae"] in formatters
    assert [["ß", "gu"], "ss"] in formatters
    assert [["ł", "gu"], "l"] in formatters


@pytest.mark.django_db
def test_topic_slugs_get_the_same_rule_in_the_snippet_form(admin):
    """The widget is registered for every slug field of the admin, not only pages'."""
    html = admin.get("/admin/snippets/home/topic/add/?locale=de").content.decode()
    (slug_input,) = re.findall(r'<input[^>]*name="slug"[^>]*>', html)
    assert "data-w-slug-formatters-value=" in slug_input


@pytest.mark.django_db
@pytest.mark.parametrize("publish", [True, False])
def test_empty_slug_is_filled_from_the_title_in_ascii(admin, home_de, publish):
    response = post_new_page(admin, home_de, publish=publish, title=TITLE, slug="")
    assert response.status_code == 302, response.content.decode()[-3000:]
    page = Page.objects.get(title=TITLE)
    assert page.slug == SLUG
    assert page.live is publish


@pytest.mark.django_db
def test_slug_typed_with_umlauts_and_without_the_script_is_transliterated(admin, home_de):
    response = post_new_page(admin, home_de, title="Irgendwas", slug="Fachkräfte-Sicherung")
    assert response.status_code == 302
    assert Page.objects.get(title="Irgendwas").slug == SLUG


@pytest.mark.django_db
def test_an_existing_page_keeps_its_address_when_edited(admin, home_de):
    """Pages from before the rule keep their Unicode slug: an edit must not move a live
    page to a new address behind the editor's back."""
    page = home_de.add_child(instance=StandardPage(title="Alt", slug="fürstenberger-wärmetag"))
    page.save_revision().publish()
    data = edit_form_data(page, admin.user, title="Alt, neu", **{"action-publish": "publish"})
    assert admin.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    page.refresh_from_db()
    assert (page.title, page.slug) == ("Alt, neu", "fürstenberger-wärmetag")


@pytest.mark.django_db
def test_second_page_with_the_same_title_gets_a_numbered_slug(admin, home_de):
    assert post_new_page(admin, home_de, title=TITLE, slug="").status_code == 302
    assert post_new_page(admin, home_de, title=TITLE, slug="").status_code == 302
    slugs = set(Page.objects.filter(title=TITLE).values_list("slug", flat=True))
    assert slugs == {SLUG, SLUG + "-1"}


@pytest.mark.django_db
def test_slug_without_any_latin_letter_is_refused_with_a_message(admin, home_de):
    response = post_new_page(admin, home_de, title="Japan", slug="日本")
    assert response.status_code == 200
    assert "braucht mindestens einen Buchstaben von a bis z" in response.content.decode()
    assert not Page.objects.filter(title="Japan").exists()


@pytest.mark.django_db
def test_english_page_keeps_its_english_slug(admin, home_en):
    response = post_new_page(admin, home_en, title="Skilled workers", slug="")
    assert response.status_code == 302
    page = Page.objects.get(title="Skilled workers")
    assert (page.slug, page.locale.language_code) == ("skilled-workers", "en")


# --- Without any form ---------------------------------------------------------------------


@pytest.mark.django_db
def test_page_created_in_code_without_a_slug_gets_the_ascii_one(home_de):
    page = home_de.add_child(instance=StandardPage(title=TITLE))
    again = home_de.add_child(instance=StandardPage(title=TITLE))
    assert (page.slug, again.slug) == (SLUG, SLUG + "-1")


@pytest.mark.django_db
def test_a_slug_given_in_code_is_kept(home_de):
    page = home_de.add_child(instance=StandardPage(title=TITLE, slug="eigener-slug"))
    assert page.slug == "eigener-slug"


def test_every_portal_page_type_follows_the_slug_rule():
    page_types = [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model is not Page
        and model._meta.app_label in {"home", "news", "campaign"}
    ]
    assert len(page_types) >= 8
    for model in page_types:
        assert issubclass(model, AsciiSlugMixin), model
        assert issubclass(model.base_form_class, PortalPageForm), model
