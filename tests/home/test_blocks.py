"""The shared block library: every block renders its preview; page links follow the reader's
language; rich-text links to untranslated pages are marked with their language."""

import pytest
from django.utils import translation
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from home.blocks import BaseStreamBlock, CallToActionBlock
from home.models import StandardPage
from tests.factories.pages import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", list(BaseStreamBlock.base_blocks))
def test_every_block_has_help_text_a_preview_and_renders_it(name):
    block = BaseStreamBlock.base_blocks[name]
    assert block.meta.description or block.meta.help_text, name
    value = block.get_preview_value()
    assert value, name
    html = block.render(value)
    assert html.strip(), name


def test_image_block_renders_alt_text_caption_and_credit():
    block = BaseStreamBlock.base_blocks["image"]
    html = block.render(block.get_preview_value())
    assert 'alt="Landschaft in der Lausitz"' in html
    assert 'loading="lazy"' in html and "width=" in html and "height=" in html
    assert "Blick über die Lausitz" in html
    assert "Demo-Generator" in html  # the image's own credit, since the block leaves it empty


def test_decorative_image_gets_empty_alt():
    block = BaseStreamBlock.base_blocks["image"]
    raw = block.get_prep_value(block.get_preview_value())
    raw["image"]["decorative"] = True
    html = block.render(block.to_python(raw))
    assert 'alt=""' in html


def test_quote_in_another_language_is_marked():
    block = BaseStreamBlock.base_blocks["quote"]
    html = block.render(block.to_python({"text": "Hello", "attribution": "", "language": "en"}))
    assert 'lang="en"' in html


def test_call_to_action_requires_exactly_one_target():
    from wagtail.blocks.struct_block import StructBlockValidationError

    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "Mehr", "page": None, "url": ""}))
    impressum = Page.objects.get(slug="impressum")
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python({"label": "Mehr", "page": impressum.pk, "url": "https://example.org"})
        )


def test_call_to_action_to_a_german_page_links_the_english_translation_on_english_pages():
    block = CallToActionBlock()
    impressum = Page.objects.get(slug="impressum")
    value = block.to_python({"label": "Mehr", "page": impressum.pk, "url": ""})
    with translation.override("en"):
        assert 'href="/en/legal-notice/"' in block.render(value)
    with translation.override("de"):
        assert 'href="/de/impressum/"' in block.render(value)


def test_rich_text_page_links_follow_the_language_and_mark_the_fallback(home_de):
    impressum = Page.objects.get(slug="impressum")
    german_only = StandardPageFactory(parent=home_de, title="Nur Deutsch", slug="nur-deutsch")
    html = (
        f'<p><a linktype="page" id="{impressum.pk}">Impressum</a> '
        f'<a linktype="page" id="{german_only.pk}">Nur Deutsch</a></p>'
    )
    with translation.override("en"):
        rendered = expand_db_html(html)
    assert '<a href="/en/legal-notice/">' in rendered
    assert '<a href="/de/nur-deutsch/" hreflang="de">' in rendered


def test_rich_text_link_to_unpublished_page_renders_without_href(home_de):
    draft = StandardPageFactory(parent=home_de, title="Entwurf", slug="entwurf", live=False)
    html = f'<p><a linktype="page" id="{draft.pk}">Entwurf</a></p>'
    assert "<a>Entwurf</a>" in expand_db_html(html)


def test_standard_page_body_renders_every_block(client, home_de):
    body = [
        (name, block.get_preview_value()) for name, block in BaseStreamBlock.base_blocks.items()
    ]
    page = StandardPage(title="Alle Blöcke", slug="alle-bloecke", body=body)
    home_de.add_child(instance=page)
    page.save_revision().publish()
    response = client.get("/de/alle-bloecke/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Strukturwandel in der Lausitz" in html
    assert "Hier entsteht etwas Neues" in html
