"""Links in rich text lead only where a visitor may go.

Editors link pages and documents from body text with Wagtail's choosers, which offer drafts,
restricted pages and documents in private collections too. Wagtail's own handlers would print
their addresses (and so their titles' slugs) on a public page, in the printed pack and in PDFs.
These handlers keep the words and drop the address, as Wagtail does for a deleted page: one
query per kind of link for all the links of a text.

Rich text is expanded without knowing who reads it, so the rule is the anonymous visitor's
everywhere: a page behind a password that links to another page behind the same password shows
that link as plain text too, and so does an editor's preview of a link to another draft (which
is what visitors would see if the draft were published alone).

The open API gives rich text as stored, links as `<a linktype="page" id="12">`:
`public_rewriter` keeps those a visitor may follow and empties the rest alike (`<a>`), so no id
of a draft, a restricted page or a private document is named there either.
"""

import re

from django.utils.html import escape

from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.rich_text.rewriters import LinkRewriter, extract_attrs

from pluginnovation.content.numbers import typed_int
from pluginnovation.content.visibility import public_documents, visible


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


def stored_tag(attrs):
    return "<a " + " ".join(f'{name}="{escape(value)}"' for name, value in attrs.items()) + ">"


OPENING_TAG = re.compile(r"<a(\b[^>]*)>")


def ids_linked(texts, linktype):
    """The ids that links of `linktype` in the stored rich texts name, as numbers."""
    attrs = (extract_attrs(m.group(1)) for text in texts for m in OPENING_TAG.finditer(text))
    return {pk for pk in link_ids(a for a in attrs if a.get("linktype") == linktype) if pk}


def public_rewriter(texts):
    """A function that gives a stored rich text of `texts` with only the links a visitor may
    follow left as stored, the rest (and unknown link types) emptied to <a>, as Wagtail's own
    rewriter does: two queries for all the texts together."""
    texts = [text for text in texts if "linktype" in text]
    pages = set(
        visible(Page.objects.filter(pk__in=ids_linked(texts, "page"))).values_list("pk", flat=True)
    )
    documents = set(public_documents(list(ids_linked(texts, "document"))))

    def keep(shown):
        return lambda attrs_list: [
            stored_tag(attrs) if pk in shown else "<a>"
            for attrs, pk in zip(attrs_list, link_ids(attrs_list), strict=True)
        ]

    rewriter = LinkRewriter(bulk_rules={"page": keep(pages), "document": keep(documents)})
    return lambda text: rewriter(text) if "linktype" in text else text


def register(features):
    features.register_link_type(VisiblePageLinkHandler)
    features.register_link_type(PublicDocumentLinkHandler)
