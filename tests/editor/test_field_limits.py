"""Too long a text is refused with a field error, never cut and never a server error, when
it reaches the server without the browser's maxlength (the counters of
static/js/editor-fields.js lift it; tests/browser/test_editor_fields.py shows them). The
editor gets the counters' limits and texts in its own language (issue 21)."""

import json
import re
from html import unescape

import pytest
from django.utils import translation
from wagtail.models import Page, Revision
from wagtail.users.models import UserProfile

from home.editorial.publishing_rules import SEARCH_DESCRIPTION_MAX
from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from tests.editor.admin_forms import edit_form_data

pytestmark = pytest.mark.django_db

LONG = ("Fachkräftesicherung in der Lausitz " * 40)[:1399] + "!"


@pytest.fixture
def admin(admin_client, admin_user):
    admin_client.user = admin_user
    return admin_client


def max_length_message(limit, length):
    with translation.override("de"):
        return translation.ngettext(
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            limit,
        ) % {"limit_value": limit, "show_value": length}


@pytest.mark.parametrize("publish", [True, False])
def test_new_page_with_a_1400_character_title_gets_a_field_error(admin, home_de, publish):
    data = edit_form_data(StandardPage(locale=home_de.locale), admin.user, title=LONG, slug="")
    if publish:
        data["action-publish"] = "action-publish"
    response = admin.post(f"/admin/pages/add/home/standardpage/{home_de.pk}/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["title"] == [max_length_message(255, 1400)]
    assert max_length_message(255, 1400) in unescape(response.content.decode())
    assert not Page.objects.filter(title__startswith="Fachkräftesicherung in der").exists()


@pytest.fixture
def article():
    return NewsPage.objects.child_of(NewsIndexPage.objects.get(slug="aktuelles")).first()


@pytest.mark.parametrize("field, limit", [("title", 255), ("teaser", 300)])
@pytest.mark.parametrize("publish", [True, False])
def test_editing_with_too_long_a_text_changes_nothing(admin, article, field, limit, publish):
    before = (article.title, article.teaser, article.latest_revision_id)
    revisions = Revision.objects.count()
    data = edit_form_data(article, admin.user, **{field: LONG})
    if publish:
        data["action-publish"] = "action-publish"
    response = admin.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [max_length_message(limit, 1400)]
    article.refresh_from_db()
    assert (article.title, article.teaser, article.latest_revision_id) == before
    assert Revision.objects.count() == revisions


def test_a_long_search_description_is_kept_whole_in_a_draft(admin, article):
    """The search description has no maxlength (only a publishing rule): a draft keeps every
    character, nothing is cut."""
    data = edit_form_data(article, admin.user, search_description=LONG)
    assert admin.post(f"/admin/pages/{article.pk}/edit/", data).status_code == 302
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().search_description == LONG


def editor_config(html):
    match = re.search(
        r'<script id="portal-editor-fields" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "the editor's counter configuration is missing"
    return json.loads(match.group(1))


def test_the_editor_gets_the_counters_in_german(admin, article):
    html = admin.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    config = editor_config(html)
    assert config["softLimits"]["search_description"] == SEARCH_DESCRIPTION_MAX
    assert config["texts"]["count"] == "%(count)s / %(limit)s Zeichen"
    assert config["texts"]["previewHeading"] == "Vorschau im Suchergebnis"
    assert config["serp"]["site"]  # the organisation's name, as the public <title> ends
    assert re.search(r'<script src="[^"]*js/editor-fields[^"]*\.js" defer>', html)
    assert "css/editor-fields" in html
    # Without JavaScript the browser's maxlength stays: the script lifts it, not the form.
    assert re.search(r'<input[^>]*name="title"[^>]*maxlength="255"', html)


def test_the_english_admin_gets_them_in_english(admin, admin_user, article):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    config = editor_config(admin.get(f"/admin/pages/{article.pk}/edit/").content.decode())
    assert config["texts"]["count"] == "%(count)s / %(limit)s characters"
    assert config["texts"]["near"] == "Almost at the limit."
