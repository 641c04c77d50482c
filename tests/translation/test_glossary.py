"""Glossary terms survive machine translation, and a translation without them is flagged."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from home.translation.machine import protect, restore
from home.translation.status import build_rows

pytestmark = pytest.mark.django_db
TERM = "Die Lausitz. Krasse Gegend."
TRANSLATOR = {
    "CLASS": "home.translation.machine.GlossaryProtectingTranslator",
    "OPTIONS": {"INNER": "tests.translation.fake_translator.RewritingTranslator"},
}


def test_protect_and_restore():
    text, found = protect(f"Ein Film der Kampagne „{TERM}“ aus Cottbus", [TERM, "Cottbus"])
    assert TERM not in text and "Cottbus" not in text
    assert restore(text, found) == f"Ein Film der Kampagne „{TERM}“ aus Cottbus"


def test_no_machine_translation_without_a_key(settings):
    assert getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) is None


def test_glossary_term_comes_back_verbatim_and_its_removal_is_flagged(settings, reviewer, english):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = TRANSLATOR
    german = Page.objects.get(slug="kampagne-naechste-runde")
    translation = Translation.objects.get(
        source__object_id=german.translation_key, target_locale=english
    )
    StringTranslation.objects.filter(
        translation_of__segments__source=translation.source, locale=english
    ).delete()
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert reviewer.post(url).status_code == 302
    title = StringTranslation.objects.get(translation_of__data=german.title, locale=english).data
    assert TERM in title  # verbatim
    assert title.startswith("ENGAPMAK")  # every other word rewritten ("Kampagne" reversed)

    def cell():
        _languages, rows = build_rows()
        return next(r for r in rows if r["page"].pk == german.pk)["cells"][0]

    assert cell()["glossary_missing"] == []
    StringTranslation.objects.filter(translation_of__data=german.title, locale=english).update(
        data="The campaign enters its next round"
    )
    assert cell()["glossary_missing"] == [TERM]
    html = reviewer.get(reverse("portal_translation_status")).content.decode()
    assert TERM in html
