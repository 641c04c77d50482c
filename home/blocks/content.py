"""Text blocks: heading, rich text, quote (with its own language), call-to-action link."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

from home.i18n import localize_page

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

# Languages a quote or a phrase can be marked with (WCAG 3.1.2 "language of parts").
PART_LANGUAGES = [
    ("", _("Same as the page")),
    ("de", _("German")),
    ("en", _("English")),
    ("pl", _("Polish")),
    ("cs", _("Czech")),
    ("dsb", _("Lower Sorbian")),
]


def rich_text_block(**kwargs):
    kwargs.setdefault("features", RICH_TEXT_FEATURES)
    kwargs.setdefault("template", "blocks/paragraph_block.html")
    kwargs.setdefault(
        "help_text",
        _("Running text. Use headings inside only for short sections; links open in the same tab."),
    )
    kwargs.setdefault(
        "preview_value",
        "<p>Die Lausitz verändert sich: Aus dem Kohlerevier wird eine Region für neue Arbeit, "
        "Forschung und Energie.</p>",
    )
    kwargs.setdefault("description", _("Paragraphs of text with links and lists."))
    return blocks.RichTextBlock(**kwargs)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        help_text=_("Short and descriptive, at most about 60 characters."),
    )
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)")), ("h4", _("Minor (H4)"))],
        default="h2",
        help_text=_("Do not skip levels: an H3 belongs under an H2."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading that also structures the page for screen readers.")
        preview_value = {"text": "Strukturwandel in der Lausitz", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        label=_("Quotation"), help_text=_("The quoted words, without quotation marks.")
    )
    attribution = blocks.CharBlock(
        label=_("Attribution"),
        required=False,
        help_text=_("Who said it, with their role, e.g. 'Bürgermeisterin einer Beispielgemeinde'."),
    )
    language = blocks.ChoiceBlock(
        label=_("Language of the quotation"),
        choices=PART_LANGUAGES,
        required=False,
        default="",
        help_text=_(
            "Set this when the quotation is in another language than the page, so that screen "
            "readers pronounce it correctly."
        ),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A highlighted quotation with attribution.")
        preview_value = {
            "text": "Hier entsteht etwas Neues, und wir wollen dabei sein.",
            "attribution": "Teilnehmerin einer Informationsveranstaltung",
            "language": "",
        }


class CallToActionBlock(blocks.StructBlock):
    """A prominent link. A page link renders the current language's live translation:
    wagtail-localize copies page references unchanged, i.e. pointing at the German page."""

    label = blocks.CharBlock(
        label=_("Link text"),
        max_length=80,
        help_text=_("Say where the link leads, e.g. 'Zur Anmeldung', not 'Hier klicken'."),
    )
    page = blocks.PageChooserBlock(
        label=_("Page"), required=False, help_text=_("A page of this site, or…")
    )
    url = blocks.URLBlock(
        label=_("External address"), required=False, help_text=_("…an address on another site.")
    )

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A button-like link to a page of this site or another site.")
        preview_value = {"label": "Mehr zur Kampagne", "page": None, "url": "https://example.org/"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page of this site or an external address (exactly one).")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value.get("page")
        target = localize_page(page) if page else None
        context["href"] = target.url if target else value.get("url") or ""
        return context


class RelatedPageBlock(blocks.PageChooserBlock):
    """One entry of a "related pages" list (news, events): a page of the portal, shown
    under the content as a link in the reader's language."""

    class Meta:
        label = _("Page")
        description = _(
            "A news article, event or campaign film shown as a link under the content; "
            "visitors see its version in their language, or nothing if it has none."
        )
        icon = "doc-empty-inverse"

    def get_preview_value(self):
        return Page.objects.live().filter(depth__gt=2).order_by("path").first()
