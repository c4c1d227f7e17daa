"""StreamField blocks for article bodies.

The premium break is a marker, not content: everything above the first one is the free preview
(see masthead.content.body.split_body). Blocks render through templates in content/blocks/.
"""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .sanitise import clean_html

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "content/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=300)
    credit = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "content/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "content/blocks/quote.html"


class PremiumBreakBlock(blocks.StaticBlock):
    class Meta:
        icon = "lock"
        label = _("Premium break")
        admin_text = _(
            "Premium break: readers without access to this article see only what is above this line."
        )
        template = "content/blocks/premium_break.html"


class SanitisedHTMLBlock(blocks.TextBlock):
    """HTML that has no block of its own (a table, code, a definition list), e.g. from an import.

    Cleaned with the article allow-list (content.sanitise) when saved and again when rendered.
    """

    def clean(self, value):
        return clean_html(super().clean(value))

    def render_basic(self, value, context=None):
        return mark_safe(clean_html(value))  # noqa: S308 - cleaned by the allow-list just now

    class Meta:
        icon = "code"
        label = _("HTML (sanitised)")


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Paragraph"),
        template="content/blocks/paragraph.html",
    )
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(icon="media", label=_("Embed"), template="content/blocks/embed.html")
    html = SanitisedHTMLBlock()
    premium_break = PremiumBreakBlock()

    class Meta:
        block_counts = {"premium_break": {"max_num": 1}}
