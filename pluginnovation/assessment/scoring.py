"""The steps of the self-assessment and the profile its answers give."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from pluginnovation.assessment.models import Answer, Scale, Statement
from pluginnovation.taxonomy.models import SuccessFactor

# A factor's average at or above STRONG is a strength; below WEAK it is an area to develop.
STRONG = Decimal("3.0")
WEAK = Decimal("2.5")
SCALE_MAX = 4


@dataclass
class Step:
    number: int
    factor: SuccessFactor
    statements: list = field(default_factory=list)


def steps():
    """One step per success factor that has statements, in the factors' order: one query."""
    statements = (
        Statement.objects.filter(live=True)
        .select_related("factor")
        .order_by(
            *[f"factor__{name}" for name in SuccessFactor._meta.ordering],
            "factor_id",
            "sort_order",
            "pk",
        )
    )
    result = []
    for statement in statements:
        if not result or result[-1].factor.pk != statement.factor_id:
            result.append(Step(len(result) + 1, statement.factor))
        result[-1].statements.append(statement)
    return result


def answers_of(assessment):
    """{statement id: value} for an assessment's answers."""
    return dict(Answer.objects.filter(assessment=assessment).values_list("statement_id", "value"))


@dataclass
class FactorScore:
    factor: SuccessFactor
    statements: int
    answered: int  # on the scale, "Vet inte" not included
    dont_know: int
    total: int  # sum of the answered values
    strong_statements: list
    weak_statements: list

    @property
    def average(self):
        """The average on the 1–4 scale, to one decimal, or None without any answer."""
        if not self.answered:
            return None
        return (Decimal(self.total) / self.answered).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )

    @property
    def average_text(self):
        return "–" if self.average is None else str(self.average).replace(".", ",")

    @property
    def percent(self):
        """The bar's length: the average as a share of the scale's top, 0–100."""
        return 0 if self.average is None else int(self.average / SCALE_MAX * 100)

    @property
    def verdict(self):
        if self.average is None:
            return "Inget underlag"
        if self.average >= STRONG:
            return "Styrka"
        if self.average < WEAK:
            return "Utvecklingsområde"
        return "På god väg"


# The chart's geometry, in SVG user units (it scales to the width it gets): each factor's
# name above its bar, so the text stays readable when a phone shrinks the chart.
CHART_WIDTH = 600
CHART_ROW = 72
CHART_BAR = 520
CHART_AXIS = 30


@dataclass
class Profile:
    scores: list
    unanswered: int

    def chart(self):
        """Rows and ticks for the SVG bar chart: bars from 0 to 4 under the factor names."""
        rows = []
        for index, score in enumerate(self.scores):
            width = round(CHART_BAR * score.percent / 100)
            rows.append(
                {"score": score, "y": index * CHART_ROW, "width": width, "number_x": width + 8}
            )
        bottom = len(self.scores) * CHART_ROW
        ticks = [
            {"x": round(CHART_BAR * tick / SCALE_MAX), "label": tick}
            for tick in range(SCALE_MAX + 1)
        ]
        return {
            "rows": rows,
            "ticks": ticks,
            "width": CHART_WIDTH,
            "height": bottom + CHART_AXIS,
            "axis_y": bottom + 22,
            "bottom": bottom,
        }

    @property
    def scored(self):
        return [score for score in self.scores if score.average is not None]

    @property
    def strengths(self):
        return [score for score in self.scored if score.average >= STRONG]

    @property
    def areas(self):
        return [score for score in self.scored if score.average < WEAK]

    @property
    def unknown(self):
        """The factors answered "Vet inte" throughout: not knowing is worth finding out."""
        return [score for score in self.scores if score.dont_know == score.statements]

    @property
    def unknown_factors(self):
        return [score.factor for score in self.unknown]

    @property
    def weakest(self):
        """The factor or factors with the lowest average (all of them if they tie)."""
        scored = self.scored
        if not scored:
            return []
        lowest = min(score.average for score in scored)
        return [score for score in scored if score.average == lowest]

    @property
    def weakest_factors(self):
        return [score.factor for score in self.weakest]

    @property
    def all_equal(self):
        """Several factors answered, all with the same average: none is the lowest."""
        return len(self.scored) > 1 and len(self.weakest) == len(self.scored)

    @property
    def weakest_is_strength(self):
        """Every factor answered is a strength: the lowest is the least strong, not weak."""
        weakest = self.weakest
        return bool(weakest) and weakest[0].average >= STRONG

    @property
    def focus(self):
        """The factors the bank's suggestions are for: every area to develop, weakest first;
        with none, the weakest factor or factors."""
        return sorted(self.areas, key=lambda score: score.average) or self.weakest

    @property
    def complete(self):
        return self.unanswered == 0


def profile(step_list, answers):
    scores = []
    unanswered = 0
    for step in step_list:
        values = []
        dont_know = 0
        strong, weak = [], []
        for statement in step.statements:
            value = answers.get(statement.pk)
            if value is None:
                unanswered += 1
            elif value == Scale.DONT_KNOW:
                dont_know += 1
            else:
                values.append(value)
                if value == Scale.FULLY:
                    strong.append(statement)
                elif value <= Scale.PARTLY:
                    weak.append(statement)
        scores.append(
            FactorScore(
                factor=step.factor,
                statements=len(step.statements),
                answered=len(values),
                dont_know=dont_know,
                total=sum(values),
                strong_statements=strong,
                weak_statements=weak,
            )
        )
    return Profile(scores, unanswered)
