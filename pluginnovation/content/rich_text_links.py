"""Links in rich text lead only where a visitor may go, and its images are public ones.

Editors link pages and documents from body text with Wagtail's choosers, which offer drafts,
restricted pages and documents in private collections too. Wagtail's own handlers would print
their addresses (and so their titles' slugs) on a public page, in the printed pack and in PDFs.
These handlers keep the words and drop the address, as Wagtail does for a deleted page: one
query per kind of link for all the links of a text.

Rich text is expanded without knowing who reads it, so the rule is the anonymous visitor's
everywhere: a page behind a password that links to another page behind the same password shows
that link as plain text too, and so does an editor's preview of a link to another draft (which
is what visitors would see if the draft were published alone).

Editors have no image button in rich text, but an import, the shell or older content may hold
an image (`<embed embedtype="image" id="3">`): one in a private collection is left out, as the
image block leaves it out (Wagtail has no privacy for images: anyone with a rendition's address
gets it).

The open API gives rich text as stored, links as `<a linktype="page" id="12">`:
`public_rewriter` keeps those a visitor may follow and empties the rest alike (`<a>`), and drops
the embeds of private images, so no id of a draft, a restricted page, a private document or
image is named there either.
"""

from django.utils.html import escape

from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images.formats import get_image_format
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.rich_text.rewriters import (
    FIND_A_TAG,
    FIND_EMBED_TAG,
    EmbedRewriter,
    LinkRewriter,
    extract_attrs,
)

from pluginnovation.content.numbers import typed_int
from pluginnovation.content.visibility import public_documents, public_images, visible


def link_ids(attrs_list):
    """The ids the links name, as numbers; None where an id is not a plain number a database
    row can have (rich text from an import or the API may hold anything)."""
    return [typed_int(str(attrs.get("id", "")), max_digits=18) for attrs in attrs_list]


class VisiblePageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = link_ids(attrs_list)
        pages = visible(Page.objects.filter(pk__in=[pk for pk in ids if pk is not None]))
        by_id = {page.pk: page for page in pages.defer_streamfields().specific()}
        return [by_id.get(pk) for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        """Each page in the language shown (Wagtail's `localized`), when a visitor may see that
        translation too; else the page itself."""
        pages = cls.get_many(attrs_list)
        targets = [page.localized if page else None for page in pages]
        translations = {t.pk for p, t in zip(pages, targets, strict=True) if t and t.pk != p.pk}
        seen = set(visible(Page.objects.filter(pk__in=translations)).values_list("pk", flat=True))
        return [
            "<a>"
            if page is None
            else f'<a href="{escape((target if target.pk in seen else page).url)}">'
            for page, target in zip(pages, targets, strict=True)
        ]


class PublicDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = link_ids(attrs_list)
        documents = public_documents([pk for pk in ids if pk is not None])
        return [
            f'<a href="{escape(documents[pk].url)}">' if pk in documents else "<a>" for pk in ids
        ]


class PublicImageEmbedHandler(ImageEmbedHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = link_ids(attrs_list)
        images = public_images([pk for pk in ids if pk is not None])
        return [images.get(pk) for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        """Each public image in its format (the full width where the stored one is unknown);
        nothing for a private, deleted or unreadable one, where Wagtail shows a broken image."""
        return [
            image_format(attrs).image_to_html(image, attrs.get("alt", "")) if image else ""
            for attrs, image in zip(attrs_list, cls.get_many(attrs_list), strict=True)
        ]


def image_format(attrs):
    try:
        return get_image_format(attrs.get("format", ""))
    except KeyError:
        return get_image_format("fullwidth")


def stored_tag(attrs, tag="a", end=">"):
    names = " ".join(f'{name}="{escape(value)}"' for name, value in attrs.items())
    return f"<{tag} {names}{end}"


def ids_linked(texts, linktype, tag=FIND_A_TAG, kind="linktype"):
    """The ids that links of `linktype` in the stored rich texts name, as numbers (or the
    embeds of that embedtype, with tag=FIND_EMBED_TAG and kind="embedtype")."""
    attrs = (extract_attrs(m.group(1)) for text in texts for m in tag.finditer(text))
    return {pk for pk in link_ids(a for a in attrs if a.get(kind) == linktype) if pk}


class ImageEmbedRewriter(EmbedRewriter):
    """Rewrites image embeds only: other embeds (films) are public addresses, left as stored."""

    def get_tag_replacements(self, tag_type, attrs_list):
        return super().get_tag_replacements(tag_type, attrs_list) if tag_type == "image" else []


def public_rewriter(texts):
    """A function that gives a stored rich text of `texts` with only the links a visitor may
    follow left as stored, the rest (and unknown link types) emptied to <a>, as Wagtail's own
    rewriter does, and only the embeds of public images: at most three queries for all the
    texts together."""
    texts = list(texts)
    linking = [text for text in texts if "linktype" in text]
    pages = set(
        visible(Page.objects.filter(pk__in=ids_linked(linking, "page"))).values_list(
            "pk", flat=True
        )
    )
    documents = set(public_documents(list(ids_linked(linking, "document"))))
    embedding = [text for text in texts if "embedtype" in text]
    images = set(public_images(list(ids_linked(embedding, "image", FIND_EMBED_TAG, "embedtype"))))

    def keep(shown, tag="a", end=">", otherwise="<a>"):
        return lambda attrs_list: [
            stored_tag(attrs, tag, end) if pk in shown else otherwise
            for attrs, pk in zip(attrs_list, link_ids(attrs_list), strict=True)
        ]

    links = LinkRewriter(bulk_rules={"page": keep(pages), "document": keep(documents)})
    embeds = ImageEmbedRewriter(bulk_rules={"image": keep(images, "embed", "/>", "")})

    def rewritten(text):
        text = links(text) if "linktype" in text else text
        return embeds(text) if "embedtype" in text else text

    return rewritten


def register(features):
    features.register_link_type(VisiblePageLinkHandler)
    features.register_link_type(PublicDocumentLinkHandler)
    features.register_embed_type(PublicImageEmbedHandler)
