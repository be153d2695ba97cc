"""The one block set every content page's body is written with."""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from pluginnovation.content.rich_text_languages import FEATURES as LANGUAGE_FEATURES
from pluginnovation.content.visibility import (
    PRIVATE_DOCUMENT_MESSAGE,
    PRIVATE_IMAGE_MESSAGE,
    in_private_collection,
)

RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "link",
    "document-link",
    "ul",
    "ol",
    "h3",
    "h4",
    *LANGUAGE_FEATURES,
]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label="Rubrik", max_length=150, help_text="Kort och beskrivande, t.ex. ”Så började vi”."
    )
    level = blocks.ChoiceBlock(
        label="Nivå",
        choices=[("h2", "Rubrik 2"), ("h3", "Rubrik 3")],
        default="h2",
        help_text="Rubrik 2 för nya avsnitt, Rubrik 3 för underavsnitt.",
    )

    class Meta:
        icon = "title"
        label = "Rubrik"
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Citat", help_text="Citatet utan citattecken.")
    attribution = blocks.CharBlock(
        label="Vem sa det", required=False, help_text="T.ex. ”Mentor, Lerums gymnasium”."
    )
    # The quote's language where it is not the page's, so screen readers read it right
    # (WCAG 3.1.2); rich text marks single words with its EN and SV buttons instead.
    language = blocks.ChoiceBlock(
        label="Citatets språk",
        choices=[("en", "Engelska"), ("sv", "Svenska")],
        required=False,
        help_text="Välj bara om citatet är på ett annat språk än sidan.",
    )

    class Meta:
        icon = "openquote"
        label = "Citat"
        template = "blocks/quote_block.html"


class FileBlockNotSearched:
    """A block whose words (a caption, an alt text, a link text) are shown only while its file is
    public: an image or document moved to a private collection later is left off the page, but
    words in the search index would still find the page and confirm a guess. They are not
    indexed at all, as the excerpts and the open data leave them out."""

    def get_searchable_content(self, value):
        return []


class FigureBlock(FileBlockNotSearched, blocks.StructBlock):
    """An image with an optional caption. Wagtail's ImageBlock gives the text alternative: the
    image's description (which the upload form requires) unless the editor writes one for this
    use, or none when the editor marks the image decorative."""

    image = ImageBlock(label="Bild")
    # Wagtail names the chooser inside its ImageBlock after the field, in English ("Image").
    image.child_blocks["image"].label = "Bildfil"
    caption = blocks.CharBlock(
        label="Bildtext", required=False, help_text="Visas under bilden, t.ex. fotograf."
    )

    class Meta:
        icon = "image"
        label = "Bild"
        template = "blocks/image_block.html"

    def clean(self, value):
        """Tells the editor when the chosen image would not be shown, beside its chooser. On
        publishing only: a draft still saves when the image's collection was made private."""
        value = super().clean(value)
        if not self.is_deferred_validation and in_private_collection(value.get("image")):
            chooser = StructBlockValidationError(
                block_errors={"image": ValidationError(PRIVATE_IMAGE_MESSAGE)}
            )
            raise StructBlockValidationError(block_errors={"image": chooser})
        return value


class DocumentBlock(FileBlockNotSearched, blocks.StructBlock):
    document = DocumentChooserBlock(
        label="Dokument", help_text="PDF, Word, Excel, PowerPoint eller OpenDocument."
    )
    title = blocks.CharBlock(
        label="Länktext", required=False, help_text="Lämna tomt för att använda dokumentets titel."
    )

    class Meta:
        icon = "doc-full"
        label = "Dokument att ladda ner"
        template = "blocks/document_block.html"

    def clean(self, value):
        """Tells the editor, beside the chooser, when the chosen document would not be shown.
        On publishing only, as for images (ImageBlock.clean)."""
        value = super().clean(value)
        if not self.is_deferred_validation and in_private_collection(value.get("document")):
            raise StructBlockValidationError(
                block_errors={"document": ValidationError(PRIVATE_DOCUMENT_MESSAGE)}
            )
        return value


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label="Videolänk", help_text="Länk till filmen, t.ex. på YouTube eller Vimeo."
    )
    title = blocks.CharBlock(label="Filmens titel", help_text="Beskriver filmen för skärmläsare.")
    caption = blocks.CharBlock(
        label="Beskrivning", required=False, help_text="T.ex. att filmen är textad."
    )

    class Meta:
        icon = "media"
        label = "Film"
        template = "blocks/video_block.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Rubrik", max_length=120, help_text="T.ex. ”Plug In i siffror”.")
    text = blocks.RichTextBlock(
        label="Text",
        features=["bold", "italic", "link", "ul", *LANGUAGE_FEATURES],
        help_text="Några korta fakta, gärna som punktlista.",
    )
    source = blocks.CharBlock(
        label="Källa", required=False, help_text="Var siffrorna kommer ifrån, t.ex. en rapport."
    )

    class Meta:
        icon = "help"
        label = "Faktaruta"
        template = "blocks/fact_box_block.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label="Text",
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        help_text="Vanlig text. Använd Rubrik-blocket för nya avsnitt.",
    )
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    document = DocumentBlock()
    video = VideoBlock()
    fact_box = FactBoxBlock()


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label="Steg", max_length=150, help_text="Vad som görs, t.ex. ”Kartlägg frånvaron”."
    )
    text = blocks.RichTextBlock(
        label="Beskrivning",
        features=["bold", "italic", "link", "ul", "ol", *LANGUAGE_FEATURES],
        help_text="Hur steget går till och vem som gör det.",
    )

    class Meta:
        icon = "list-ol"
        label = "Steg"
