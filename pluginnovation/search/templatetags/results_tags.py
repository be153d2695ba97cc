"""Case study results in templates: the change as a signed Swedish number, a bar chart drawn
on the server as SVG (no script, styled only by classes in results.css, as the CSP requires)
and a region's summary."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html, format_html_join

from casestudies.figures import PERCENT_UNITS

register = template.Library()

WIDTH = 640
LABEL_WIDTH = 60
# Room on the right for the value and its direction, written after the bar.
BAR_WIDTH = 380
BAR_HEIGHT = 18
ROW_HEIGHT = 84
# SVG text does not wrap: longer descriptions are cut here and given in full in the table.
SHOWN_DESCRIPTION = 75


def number(value):
    """84.5 → "84,5", 1180 → "1 180": figures written the Swedish way."""
    return floatformat(value, "-1g")


@register.filter
def signed_change(result):
    """The change with its sign and unit: "+8,4 procentenheter", "−95 elever", or ""."""
    change = result.change
    if change is None:
        return ""
    sign = "+" if change > 0 else "\u2212" if change < 0 else "±"
    return f"{sign}{number(abs(change))} {result.change_unit}".strip()


def with_unit(value, unit):
    unit = unit.strip()
    return f"{number(value)} {unit}" if unit else number(value)


def sentence(result):
    """One result in words, for the chart's text alternative."""
    before = (
        "inget värde före"
        if result.value_before is None
        else f"före {with_unit(result.value_before, result.unit)}"
    )
    after = f"efter {with_unit(result.value_after, result.unit)}"
    change = signed_change(result)
    judged = result.direction_label.lower()
    if result.unknown_reason:
        judged += f" ({result.unknown_reason})"
    parts = [before, after] + ([f"förändring {change}"] if change else []) + [judged]
    return f"{result.description}: {', '.join(parts)}."


def scale(result):
    """The value a full bar stands for: 100 for a percentage, otherwise the larger value."""
    if result.unit.strip().lower() in PERCENT_UNITS:
        return 100
    return max(result.value_before or 0, result.value_after or 0)


def bar(kind, label, value, result, y, full):
    """One labelled bar, or a note where the value is missing."""
    text_y = y + BAR_HEIGHT - 4
    if value is None:
        return format_html(
            '<text class="results-chart__label" x="0" y="{}">{}</text>'
            '<text class="results-chart__missing" x="{}" y="{}">uppgift saknas</text>',
            text_y,
            label,
            LABEL_WIDTH,
            text_y,
        )
    width = round(float(value) / float(full) * BAR_WIDTH, 1) if full else 0
    note = with_unit(value, result.unit)
    if kind == "after":
        note += f" – {result.direction_label}"
    return format_html(
        '<text class="results-chart__label" x="0" y="{}">{}</text>'
        '<rect class="results-chart__bar results-chart__bar--{}" x="{}" y="{}" width="{}" '
        'height="{}"></rect>'
        '<text class="results-chart__value" x="{}" y="{}">{}</text>',
        text_y,
        label,
        kind,
        LABEL_WIDTH,
        y,
        width,
        BAR_HEIGHT,
        LABEL_WIDTH + width + 6,
        text_y,
        note,
    )


def chart_row(result, top):
    full = scale(result)
    description = result.description
    if len(description) > SHOWN_DESCRIPTION:
        description = description[: SHOWN_DESCRIPTION - 1].rstrip() + "…"
    return format_html(
        '<g class="results-chart__result">'
        '<text class="results-chart__heading" x="0" y="{}">{}: {}</text>{}{}</g>',
        top + 16,
        result.get_indicator_display(),
        description,
        bar("before", "Före", result.value_before, result, top + 26, full),
        bar("after", "Efter", result.value_after, result, top + 52, full),
    )


@register.simple_tag
def results_chart(results, chart_id="results-chart"):
    """Before and after bars for each result, each pair on its own scale (the units differ),
    with a title and a description in words that screen readers read instead of the bars."""
    results = list(results)
    if not results:
        return ""
    height = ROW_HEIGHT * len(results)
    rows = format_html_join(
        "", "{}", ((chart_row(result, i * ROW_HEIGHT),) for i, result in enumerate(results))
    )
    description = " ".join(sentence(result) for result in results)
    return format_html(
        '<svg class="results-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
        'role="img" aria-labelledby="{}-title {}-desc">'
        '<title id="{}-title">Resultat före och efter insatsen, i diagramform</title>'
        '<desc id="{}-desc">{} Samma siffror finns i tabellen under diagrammet.</desc>'
        "{}</svg>",
        WIDTH,
        height,
        chart_id,
        chart_id,
        chart_id,
        chart_id,
        description,
        rows,
    )
