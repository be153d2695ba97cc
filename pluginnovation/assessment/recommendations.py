"""What the bank offers for a team's weakest success factors: methods (strongest evidence
first), case studies and research, narrowed by the team's level and target group.

Only what a visitor may see (content.visibility.visible) is ever returned.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, prefetch_related_objects

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.assessment.models import Statement
from pluginnovation.content.models import NEWEST_FIRST, ContentPage
from pluginnovation.content.visibility import visible
from research.models import ResearchArticlePage

METHODS_SHOWN = 6
CASE_STUDIES_SHOWN = 3
RESEARCH_SHOWN = 3


@dataclass
class Recommendations:
    factors: list
    methods: list = field(default_factory=list)
    case_studies: list = field(default_factory=list)
    research: list = field(default_factory=list)

    @property
    def empty(self):
        return not (self.methods or self.case_studies or self.research)


def narrowed(pages, factor_ids, level=None, target_group=None):
    pages = visible(pages).filter(factors__in=factor_ids)
    if level is not None:
        pages = pages.filter(levels=level)
    if target_group is not None:
        pages = pages.filter(target_groups=target_group)
    # factors__in may match a page once per factor: keep each page once.
    return pages.model.objects.filter(pk__in=pages.values("pk"))


def matches_weak_statements(weak_statement_ids):
    """Annotations: does the method share a level / target group with the statements the team
    answered low? (subqueries, no extra query)."""
    level_ids = Statement.levels.through.objects.filter(statement_id__in=weak_statement_ids).values(
        "level_id"
    )
    group_ids = Statement.target_groups.through.objects.filter(
        statement_id__in=weak_statement_ids
    ).values("targetgroup_id")
    return {
        "level_match": Exists(
            ContentPage.levels.through.objects.filter(
                contentpage_id=OuterRef("pk"), level_id__in=level_ids
            )
        ),
        "group_match": Exists(
            ContentPage.target_groups.through.objects.filter(
                contentpage_id=OuterRef("pk"), targetgroup_id__in=group_ids
            )
        ),
    }


def recommend(profile, level=None, target_group=None):
    """Recommendations for the profile's weakest factor(s): six queries, whatever the data."""
    weakest = profile.weakest
    result = Recommendations(factors=[score.factor for score in weakest])
    if not weakest:
        return result
    factor_ids = [score.factor.pk for score in weakest]
    weak_ids = [statement.pk for score in weakest for statement in score.weak_statements]
    methods = (
        narrowed(MethodPage.objects.all(), factor_ids, level, target_group)
        .annotate(**matches_weak_statements(weak_ids))
        .defer_streamfields()
        .order_by(
            F("evidence_level").desc(nulls_last=True),
            F("level_match").desc(),
            F("group_match").desc(),
            "-published_date",
            "-pk",
        )
    )
    result.methods = list(methods[:METHODS_SHOWN])
    for attribute, model, count in (
        ("case_studies", CaseStudyPage, CASE_STUDIES_SHOWN),
        ("research", ResearchArticlePage, RESEARCH_SHOWN),
    ):
        pages = (
            narrowed(model.objects.all(), factor_ids, level, target_group)
            .defer_streamfields()
            .order_by(*NEWEST_FIRST)
        )
        setattr(result, attribute, list(pages[:count]))
    # The cards' success factors, for all three types in one query.
    prefetch_related_objects(result.methods + result.case_studies + result.research, "factors")
    return result


def plan_method_choices():
    """Every method a visitor may see, by title, for "add any method": one query."""
    return list(visible(MethodPage.objects.all()).order_by("title").values_list("pk", "title"))
