"""Schools like mine: other case studies from municipalities of the same SKR municipality group
(kommungrupp) and of the same school form, the best matches first.

A case study matching on both comes before one matching on either; then the newest. One query
reads them with their municipalities, whatever the amount of content.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Case, Q, Value, When

from pluginnovation.content.visibility import visible

SIMILAR_COUNT = 4


@dataclass
class SimilarCaseStudy:
    page: object
    # Why it is similar, in words: "Samma kommungrupp: Pendlingskommun nära storstad".
    reasons: list


def own_kommungrupp(page):
    """The case study's municipality group ("" if unknown). The page's routing reads its
    municipality with it (RegionSectionPage.route), so this costs no query there."""
    if not page.municipality_id:
        return ""
    return page.municipality.kommungrupp


def match_conditions(page):
    """(name, condition) for each way a case study can match this one."""
    conditions = []
    group = own_kommungrupp(page)
    if group:
        conditions.append(("group", Q(municipality__kommungrupp=group)))
    if page.school_form:
        conditions.append(("form", Q(school_form=page.school_form)))
    return conditions


def similar_case_studies(page, count=SIMILAR_COUNT):
    """Up to `count` other visible case studies of the same municipality group and/or the
    same school form, each with the reasons it matches. None when the page has neither."""
    conditions = match_conditions(page)
    if not conditions:
        return []
    flags = {
        f"same_{name}": Case(When(condition, then=Value(1)), default=Value(0))
        for name, condition in conditions
    }
    score = sum(
        (Case(When(condition, then=Value(1)), default=Value(0)) for _n, condition in conditions),
        Value(0),
    )
    rows = (
        visible(type(page).objects.filter(reduce(or_, (c for _n, c in conditions))))
        .exclude(pk=page.pk)
        .annotate(**flags, similarity=score)
        .select_related("municipality")
        .defer_streamfields()
        .order_by("-similarity", "-published_date", "-pk")[:count]
    )
    return [SimilarCaseStudy(row, reasons(row)) for row in rows]


def reasons(row):
    found = []
    if getattr(row, "same_group", 0):
        found.append(f"Samma kommungrupp: {row.municipality.get_kommungrupp_display()}")
    if getattr(row, "same_form", 0):
        found.append(f"Samma skolform: {row.get_school_form_display()}")
    return found
