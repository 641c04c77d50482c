"""Every field, panel and block editors see has a help text in German and English, and
every block in a block picker shows a preview (through the admin's own preview view)."""

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PanelGroup,
    get_edit_handler,
)
from wagtail.fields import StreamField
from wagtail.models import Page

from home.models import Film, GlossaryTerm, SiteSettings, Topic
from news.models import PressContact

pytestmark = pytest.mark.django_db

PAGE_FIELDS = {field.name for field in Page._meta.get_fields()}
PORTAL_APPS = ("home", "news", "projects", "campaign")
PAGE_MODELS = [
    m for m in apps.get_models() if issubclass(m, Page) and m._meta.app_label in PORTAL_APPS
]
SNIPPETS = [Film, Topic, GlossaryTerm, PressContact, SiteSettings]


def edit_handler(model):
    return model.get_edit_handler() if issubclass(model, Page) else get_edit_handler(model)


def panels(panel):
    """(name, help text) of every portal-owned field and group; Wagtail's own Page fields and
    promote groups carry Wagtail's translated help texts."""
    if isinstance(panel, InlinePanel):
        yield f"{panel.model.__name__}.{panel.relation_name}", panel.help_text
    elif isinstance(panel, MultiFieldPanel):
        owned = any(
            getattr(child, "field_name", None) not in PAGE_FIELDS for child in panel.children
        )
        if owned:
            yield f"{panel.model.__name__} group {panel.heading}", panel.help_text
        for child in panel.children:
            yield from panels(child)
    elif isinstance(panel, PanelGroup):
        for child in panel.children:
            yield from panels(child)
    elif isinstance(panel, FieldPanel) and panel.field_name not in PAGE_FIELDS:
        try:
            field = panel.model._meta.get_field(panel.field_name)
        except FieldDoesNotExist:  # a field of the form only, e.g. the film's poster choice
            field = panel.model.get_edit_handler().get_form_class().base_fields[panel.field_name]
        yield f"{panel.model.__name__}.{panel.field_name}", panel.help_text or field.help_text


def german(text):
    with translation.override("de"):
        return str(text)


def english(text):
    with translation.override("en"):
        return str(text)


@pytest.mark.parametrize("model", PAGE_MODELS + SNIPPETS, ids=lambda m: m.__name__)
def test_every_field_and_panel_has_help_text_in_german_and_english(model):
    found = list(panels(edit_handler(model)))
    assert found
    for name, help_text in found:
        assert help_text, f"{name} has no help text"
        assert english(help_text) != german(help_text), f"{name}: no German translation"


def picker_blocks():
    """Every block offered in a block picker: the children of each model's StreamFields."""
    for model in PAGE_MODELS + SNIPPETS:
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for name, block in field.stream_block.child_blocks.items():
                    yield pytest.param(block, id=f"{model.__name__}.{field.name}.{name}")


@pytest.mark.parametrize("block", list(picker_blocks()))
def test_every_block_in_a_picker_has_help_and_a_preview(admin_client, block):
    description = block.get_description()
    assert description, f"{block.name}: no description or help text"
    assert english(description) != german(description), f"{block.name}: no German translation"
    assert block.is_previewable
    response = admin_client.get(f"/admin/block-preview/?id={block.definition_prefix}")
    assert response.status_code == 200
    html = response.content.decode()
    rendered = block.render(block.get_preview_value())
    assert rendered.strip() and rendered.strip()[:40] in html
