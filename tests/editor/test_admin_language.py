"""One language in the admin: a German admin reads German on every view of the main journeys.

A crawl through Wagtail's and wagtail-localize's real views as a user whose admin language is
German, looking in the visible text (and in the translation editor's React props, whose
strings reach the screen) for the English words that used to slip through: Wagtail's
untranslated "Locale", the unlabelled "Paragraph" block, raw True/False, English month
names, and the old terms for articles next to the menu's "Meldungen und Pressemitteilungen".
"""

import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation

from campaign.models import CampaignPage, FilmPage
from home.editorial.admin_terms import PACKAGE_TERMS
from home.models import Film, Topic
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, PressContact

pytestmark = pytest.mark.django_db

ENGLISH_MONTHS = "January|February|March|May|June|July|October|December"
FORBIDDEN = {
    "Wagtail's untranslated 'Locale'": r"\bLocales?\b",
    "unlabelled text block": r"\bParagraph\b",
    "English password label": r"\bPassword\b",
    "wagtail-localize's literal menu label": r"\bMore actions\b",
    "wagtail-localize's literal heading": r"\b\w+ to \w+ translation\b",
    "English month name": rf"\b({ENGLISH_MONTHS})\b",
    "raw boolean": r"\b(True|False)\b",
    "old term for articles": r"\b(Nachrichtenartikel|Nachricht|Nachrichtenübersicht)\b",
    "Wagtail's English workflow name": r"\bModerators approval\b",
}
SKIPPED = {"script", "style", "template", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


class VisibleText(HTMLParser):
    """Text a person sees or a screen reader reads: text nodes and labelling attributes,
    without scripts, JSON props and inline SVG. ``hidden`` elements count: the side panels
    and dropdowns are hidden until a click opens them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, hidden) of each open element
        self.parts = []

    @property
    def hidden(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = self.hidden or tag in SKIPPED
        if not hidden:
            self.parts += [attrs[name] for name in READ_ATTRIBUTES if attrs.get(name)]
        if tag not in VOID:
            self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        # Elements closed implicitly (<p>, <li>, <option>) end with their parent.
        if any(open_tag == tag for open_tag, _hidden in self.stack):
            while self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    def text(self):
        return re.sub(r"\s+", " ", " ".join(self.parts))


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return parser.text()


def english_words(text: str) -> dict:
    found = {}
    for what, pattern in FORBIDDEN.items():
        hits = {match.group(0) for match in re.finditer(pattern, text)}
        if hits:
            found[what] = sorted(hits)
    return found


def menu_labels(html: str) -> str:
    """The labels of the admin menu, which Wagtail renders from JSON in the browser."""
    data = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    ).group(1)
    labels = re.findall(r'"label": ("(?:[^"\\]|\\.)*")', data)
    return " ".join(json.loads(label) for label in labels)


def editor_props_text(html: str) -> str:
    """The interface strings in wagtail-localize's editor props (labels, tabs, comments);
    the page's own content (German source, English translation) is left out."""
    props = json.loads(unescape(re.search(r'data-props="([^"]*)"', html).group(1)))
    parts = [tab["label"] for tab in props["tabs"]]
    for segment in props["segments"]:
        location = segment["location"]
        parts += [location.get("field") or "", location.get("subField") or ""]
    parts += [item.get("comment") or "" for item in props["initialStringTranslations"]]
    return " ".join(parts)


@pytest.fixture
def german_admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("chefin", "chefin@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(user)
    client.user = user
    return client


def first(model, language="de", **filters):
    return model.objects.filter(locale__language_code=language, **filters).first()


def admin_views(user):
    add = "wagtailadmin_pages:add"
    news_index, event_index = first(NewsIndexPage), first(EventIndexPage)
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer of the news index": reverse("wagtailadmin_explore", args=[news_index.pk]),
        "news and press releases": reverse("news_articles:index"),
        "events": reverse("events:index"),
        "press release": reverse(
            "wagtailadmin_pages:edit", args=[first(NewsPage, kind="press-release").pk]
        ),
        "event": reverse("wagtailadmin_pages:edit", args=[first(EventPage).pk]),
        "campaign film page": reverse("wagtailadmin_pages:edit", args=[first(FilmPage).pk]),
        "new article": reverse(add, args=["news", "newspage", news_index.pk]),
        "new event": reverse(add, args=["news", "eventpage", event_index.pk]),
        "new film page": reverse(add, args=["campaign", "filmpage", first(CampaignPage).pk]),
        "films": reverse("wagtailsnippets_home_film:list"),
        "film": reverse("wagtailsnippets_home_film:edit", args=[first(Film).pk]),
        "press contacts": reverse("wagtailsnippets_news_presscontact:list"),
        "press contact": reverse(
            "wagtailsnippets_news_presscontact:edit", args=[first(PressContact).pk]
        ),
        "topics": reverse("wagtailsnippets_home_topic:list"),
        "topic": reverse("wagtailsnippets_home_topic:edit", args=[first(Topic).pk]),
        "translation status": reverse("portal_translation_status"),
        "account": reverse("wagtailadmin_account"),
        "users": reverse("wagtailusers_users:index"),
        "user": reverse("wagtailusers_users:edit", args=[user.pk]),
        "new user": reverse("wagtailusers_users:add"),
        "groups": reverse("wagtailusers_groups:index"),
        "locales": reverse("wagtaillocales:index"),
    }


def test_german_admin_reads_german_on_every_view_of_the_main_journeys(german_admin):
    mixed = {}
    for name, url in admin_views(german_admin.user).items():
        response = german_admin.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        html = response.content.decode()
        assert '<html lang="de"' in html, name
        found = english_words(visible_text(html) + " " + menu_labels(html))
        if found:
            mixed[name] = found
    assert mixed == {}


@pytest.mark.parametrize("accept_language", ["de", ""])
def test_login_page_is_german(client, accept_language):
    """Before logging in the admin follows the browser, German by default."""
    response = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE=accept_language)
    text = visible_text(response.content.decode())
    assert "Passwort" in text
    assert english_words(text) == {}


def test_translation_editor_of_an_english_page_is_german_for_a_german_admin(german_admin):
    """Its labels and segment notes come as JSON props; a saved string gets the note
    "Manuell übersetzt am …" with a German date."""
    page = first(NewsPage, "en", kind="press-release")
    editor_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    translation_ = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    segment = StringSegment.objects.filter(source=translation_.source).first()
    save_url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation_.pk, segment.pk]
    )
    response = german_admin.put(
        save_url, "value=Edited+by+hand", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    html = german_admin.get(editor_url).content.decode()
    props = editor_props_text(html)
    assert re.search(r"Manuell übersetzt am \d{1,2}\. \w+ \d{4}", props), props
    assert english_words(props) == {}
    assert english_words(visible_text(html)) == {}
    # the literals of the React bundle get their German from the editor script's data
    assert 'data-more-actions="Mehr Aktionen"' in html
    assert 'data-heading="Übersetzung {source} → {target}"' in html


def test_film_library_shows_live_status_as_a_tag(german_admin):
    html = german_admin.get(reverse("wagtailsnippets_home_film:list")).content.decode()
    text = visible_text(html)
    assert " live " in text and not re.search(r"\b(True|False)\b", text)


def test_article_terms_agree_in_menu_headers_choices_and_help_texts(german_admin):
    page = first(NewsPage, kind="press-release")
    html = german_admin.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    text = visible_text(html)
    assert "Meldungen und Pressemitteilungen" in menu_labels(html)
    assert "Bearbeite Meldung oder Pressemitteilung:" in text  # the page type in the header
    assert re.search(r'value="news"[^>]*>\s*Meldung\s*</option>', html)  # the kind's choice
    assert "„Meldung“ ist ein kurzer Bericht" in text  # its help text
    assert "Moderators approval" not in text  # switched off by setup_roles (workflows.py)


def test_every_overridden_package_term_has_portal_german_and_english():
    for language in ("de", "en"):
        with translation.override(language):
            for msgid in PACKAGE_TERMS:
                assert "locale" not in translation.gettext(msgid).lower(), (language, msgid)


def test_english_admin_says_language_too(german_admin):
    profile = UserProfile.get_for_user(german_admin.user)
    profile.preferred_language = "en"
    profile.save()
    html = german_admin.get(reverse("wagtailsnippets_home_topic:list")).content.decode()
    text = visible_text(html)
    assert '<html lang="en"' in html
    assert "Language" in text and not re.search(r"\bLocales?\b", text)
