"""Links in rich text lead only where a visitor may go.

Editors link pages and documents from body text with Wagtail's choosers, which offer drafts,
restricted pages and documents in private collections too. Wagtail's own handlers would print
their addresses (and so their titles' slugs) on a public page, in the printed pack and in PDFs.
These handlers keep the words and drop the address, as Wagtail does for a deleted page: one
query per kind of link for all the links of a text.
"""

from django.utils.html import escape

from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from pluginnovation.content.visibility import public_documents, visible


def link_ids(attrs_list):
    """The ids the links name, as numbers; None where an id is not a plain number."""
    ids = []
    for attrs in attrs_list:
        raw = str(attrs.get("id", ""))
        ids.append(int(raw) if raw.isascii() and raw.isdigit() else None)
    return ids


class VisiblePageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = link_ids(attrs_list)
        pages = visible(Page.objects.filter(pk__in=[pk for pk in ids if pk is not None]))
        by_id = {page.pk: page for page in pages.defer_streamfields().specific()}
        return [by_id.get(pk) for pk in ids]


class PublicDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = link_ids(attrs_list)
        documents = public_documents([pk for pk in ids if pk is not None])
        return [
            f'<a href="{escape(documents[pk].url)}">' if pk in documents else "<a>" for pk in ids
        ]


def register(features):
    features.register_link_type(VisiblePageLinkHandler)
    features.register_link_type(PublicDocumentLinkHandler)
