"""What a visitor may see: live pages with no view restriction on them or above them."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


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
