"""The campaign's demo: slugs, a locally generated film with progress shown while encoding."""

import pytest
from django.conf import settings
from wagtail.models import Page

from campaign.demo.media import encode_demo_film
from campaign.models import CampaignPage, FilmPage


@pytest.mark.django_db
def test_campaign_keeps_its_brand_slug_in_every_language():
    slugs = {p.locale.language_code: p.slug for p in CampaignPage.objects.select_related("locale")}
    assert slugs == {code: "krasse-gegend" for code, _name in settings.LANGUAGES}
    english = Page.objects.get(locale__language_code="en", slug="krasse-gegend").specific
    assert english.claim == "Die Lausitz. Krasse Gegend."
    assert FilmPage.objects.filter(locale__language_code="en", live=True).count() == 2


@pytest.mark.nodb
def test_making_the_demo_master_reports_progress(settings):
    settings.PORTAL_DEMO_FILM = "480x270:1"
    messages = []
    path = encode_demo_film(messages.append)
    try:
        assert path.stat().st_size > 1000
        assert messages[-1] == "  making the demo master: done"
        assert any("%" in message for message in messages)
    finally:
        path.unlink()
        path.parent.rmdir()
