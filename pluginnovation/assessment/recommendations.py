"""What the bank offers for a team's areas to develop (scoring.Profile.focus): methods
(strongest evidence first), case studies and research, narrowed by the team's level and target
group, taking turns between the areas so that each gets its best, the weakest area first.

Only what a visitor may see (content.visibility.visible) is ever returned.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Window, prefetch_related_objects
from django.db.models.functions import RowNumber

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


def taking_turns(candidates, factor_ids, count):
    """Up to `count` of the candidates (best first), the factors taking turns in their order:
    the best page for the first factor, then the best for the next, and so on; each page once."""
    queues = [
        [page for page in candidates if factor_id in {f.pk for f in page.factors.all()}]
        for factor_id in factor_ids
    ]
    chosen = []
    while len(chosen) < count and any(queues):
        for queue in queues:
            while queue and queue[0] in chosen:
                queue.pop(0)
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    return chosen


METHOD_ORDER = (
    F("evidence_level").desc(nulls_last=True),
    F("level_match").desc(),
    F("group_match").desc(),
    F("published_date").desc(),
    F("pk").desc(),
)


def best_for_each_factor(pages, factor_ids, order, count):
    """The pages that are among the best `count` (in `order`) for any one of the factors, best
    first: one query, each factor's pages ranked by a window function over the factor links.
    Cut from both factors' pages together, the weakest factor's could all fall outside."""
    ranked = (
        pages.filter(factors__in=factor_ids)
        .annotate(rank=Window(RowNumber(), partition_by=F("factors"), order_by=order))
        .filter(rank__lte=count)
        .values("pk")
    )
    return list(pages.filter(pk__in=ranked).order_by(*order))


def recommend(profile, level=None, target_group=None):
    """Recommendations for the profile's areas to develop: four queries, whatever the data."""
    focus = profile.focus
    result = Recommendations(factors=[score.factor for score in focus])
    if not focus:
        return result
    factor_ids = [score.factor.pk for score in focus]
    weak_ids = [statement.pk for score in focus for statement in score.weak_statements]
    methods = (
        narrowed(MethodPage.objects.all(), factor_ids, level, target_group)
        .annotate(**matches_weak_statements(weak_ids))
        .defer_streamfields()
    )
    candidates = {
        "methods": (
            best_for_each_factor(methods, factor_ids, METHOD_ORDER, METHODS_SHOWN),
            METHODS_SHOWN,
        )
    }
    for attribute, model, count in (
        ("case_studies", CaseStudyPage, CASE_STUDIES_SHOWN),
        ("research", ResearchArticlePage, RESEARCH_SHOWN),
    ):
        pages = narrowed(model.objects.all(), factor_ids, level, target_group).defer_streamfields()
        candidates[attribute] = (
            best_for_each_factor(pages, factor_ids, NEWEST_FIRST, count),
            count,
        )
    # The success factors of every candidate (for the turns and the cards) in one query.
    prefetch_related_objects([p for pages, _count in candidates.values() for p in pages], "factors")
    for attribute, (pages, count) in candidates.items():
        # Chosen taking turns, the weakest factor first; shown in the list's own order (the
        # strongest evidence, or the newest, first), as its heading says.
        chosen = taking_turns(pages, factor_ids, count)
        setattr(result, attribute, sorted(chosen, key=pages.index))
    return result


def plan_method_choices():
    """Every method a visitor may see, by title, for "add any method": one query."""
    return list(visible(MethodPage.objects.all()).order_by("title").values_list("pk", "title"))
