"""What a visitor may see: live pages with no view restriction on them or above them, and
documents and images in no collection with a view restriction on it or above it."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from pluginnovation.taxonomy.models import Project


def restricted(path="path"):
    """True where a view restriction (login, password, group) covers the page whose tree path
    is the outer query's `path` column: a restriction on the page or on an ancestor.

    A subquery rather than Wagtail's .public(), which first reads every restriction in a
    query of its own; this way "visible" costs no extra query wherever it is used.
    """
    ancestor_path = Substr(OuterRef(path), 1, Length("page__path"))
    return Exists(PageViewRestriction.objects.filter(page__path=ancestor_path))


def visible(pages):
    """The live pages of a page queryset that no view restriction covers."""
    return pages.filter(live=True).exclude(restricted())


def public_projects(projects):
    """The projects of a queryset that visitors may know of: those whose project page is
    visible, or that a visible content page or news item names (its card and facts name
    them). A project an editor has only created, or whose page is a draft or restricted, may
    be an unannounced one: its description, owner and funding stay out of listings, filters,
    Bevaka, the API, the open data and the archive until its page is published. Three
    subqueries, no query of their own."""
    own_page = visible(Page.objects.filter(pk=OuterRef("page")))
    named_by_content = visible(Page.objects.filter(contentpage__projects=OuterRef("pk")))
    named_by_news = visible(Page.objects.filter(newspage__projects=OuterRef("pk")))
    return projects.filter(Exists(own_page) | Exists(named_by_content) | Exists(named_by_news))


def shown_terms(model):
    """Every term of a taxonomy model that visitors may know of (projects: public_projects)."""
    terms = model.objects.all()
    return public_projects(terms) if issubclass(model, Project) else terms


def restricted_collection(path="collection__path"):
    """True where a view restriction covers the collection whose tree path is the outer
    query's `path` column (a document's collection by default), or a collection above it."""
    ancestor_path = Substr(OuterRef(path), 1, Length("collection__path"))
    return Exists(CollectionViewRestriction.objects.filter(collection__path=ancestor_path))


def public_files(model, ids):
    """{id: item} for the documents or images (model) among `ids` in no private collection:
    anyone may download such a document, and such an image may be shown; one query."""
    ids = [pk for pk in ids if isinstance(pk, int)]
    if not ids:
        return {}
    items = model.objects.filter(pk__in=ids).exclude(restricted_collection())
    return {item.pk: item for item in items}


def public_documents(ids):
    """Wagtail's document view refuses a private document anyway; this keeps such a document
    from being named or linked on a public page at all."""
    return public_files(get_document_model(), ids)


def public_images(ids):
    """Wagtail has no privacy for images (anyone with a rendition's address gets it): a
    private one is left off public pages instead."""
    return public_files(get_image_model(), ids)


# Wagtail has no privacy for images: an image in a private collection is never shown on a public
# page (site_tags.public_image), and an editor who chooses one is told why.
PRIVATE_IMAGE_MESSAGE = (
    "Bilden ligger i en samling med sekretess och visas därför inte på webbplatsen. Välj en "
    "annan bild, eller flytta bilden till en öppen samling."
)


PRIVATE_DOCUMENT_MESSAGE = (
    "Dokumentet ligger i en samling med sekretess och visas därför inte på webbplatsen. Välj "
    "ett annat dokument, eller flytta dokumentet till en öppen samling."
)


def in_private_collection(item):
    """Whether a document or image (item) sits in a collection with a view restriction, or
    below one; one query."""
    return item is not None and item.collection_id in private_collection_ids()


def private_collection_ids():
    """Ids of the collections whose documents only some may download, and whose images are
    shown on no public page; one query."""
    restricted_here = restricted_collection(path="path")
    return set(Collection.objects.filter(restricted_here).values_list("pk", flat=True))
