"""Which documents a visitor may download: those in no collection with a privacy restriction.

Wagtail's document view refuses a private document anyway; this keeps such a document from
being listed (its title, its link) on a public page at all.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction


def restricted_collection():
    """True where a view restriction covers the document's collection or one above it."""
    ancestor_path = Substr(OuterRef("collection__path"), 1, Length("collection__path"))
    return Exists(CollectionViewRestriction.objects.filter(collection__path=ancestor_path))


def public_documents(ids):
    """{id: document} for the documents among `ids` that anyone may download; one query."""
    ids = [pk for pk in ids if isinstance(pk, int)]
    if not ids:
        return {}
    documents = get_document_model().objects.filter(pk__in=ids).exclude(restricted_collection())
    return {document.pk: document for document in documents}
