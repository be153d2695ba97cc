"""Case study results in templates: the change as a signed Swedish number, a bar chart drawn
on the server as SVG (no script, styled only by classes in results.css, as the CSP requires)
and a region's summary."""

import textwrap

from django import template
from django.utils.html import format_html, format_html_join

from casestudies.figures import PERCENT_UNITS
from pluginnovation.content.numbers import number, signed

register = template.Library()

# The chart is drawn narrow, and no wider on a large screen (results.css), so that on a phone
# it scales down little and its text stays readable.
WIDTH = 320
LABEL_WIDTH = 50
BAR_WIDTH = WIDTH - LABEL_WIDTH
BAR_HEIGHT = 18
# Font sizes, given to each text here (results.css does not set them), where lines are broken.
HEADING_SIZE = 16
TEXT_SIZE = 15
LINE_GAP = 5
GAP = 10
# SVG text does not wrap: lines are broken here, by the widest a character of the site's fonts
# may be on average (bold or not, as a share of the font size), so that no line runs out of
# the picture. Nothing is cut: the table under the chart has the same words.
CHARACTER_WIDTH = {False: 0.62, True: 0.68}


def lines(words, width, size, bold=False):
    """words broken into lines that fit `width` at font size `size`."""
    fits = max(1, int(width / (size * CHARACTER_WIDTH[bold])))
    return textwrap.wrap(words, fits, break_on_hyphens=False) or [""]


def text_lines(css_class, words, x, top, width, size, bold=False):
    """A <text> of one or more lines, the first with its top at `top`; and the next free y."""
    shown = lines(words, width, size, bold)
    height = size + LINE_GAP
    spans = format_html_join(
        "",
        '<tspan x="{}" y="{}">{}</tspan>',
        ((x, top + size + i * height, line) for i, line in enumerate(shown)),
    )
    return format_html(
        '<text class="{}" font-size="{}">{}</text>', css_class, size, spans
    ), top + len(shown) * height


@register.filter
def signed_number(result):
    """The change with its sign: "+8,4", "−95", "±0", or "" when there is none."""
    return signed(result.change)


@register.filter
def signed_change(result):
    """The change with its sign and unit: "+8,4 procentenheter", "−95 elever", or ""."""
    signed = signed_number(result)
    return f"{signed} {result.change_unit}".strip() if signed else ""


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


def bar(kind, label, value, result, top, full):
    """One labelled bar with its value (or a note that it is missing) on the lines under it;
    and the next free y."""
    label_text = format_html(
        '<text class="results-chart__label" x="0" y="{}" font-size="{}">{}</text>',
        top + BAR_HEIGHT - 4,
        TEXT_SIZE,
        label,
    )
    if value is None:
        note, bottom = text_lines(
            "results-chart__missing", "uppgift saknas", LABEL_WIDTH, top, BAR_WIDTH, TEXT_SIZE
        )
        return format_html("{}{}", label_text, note), bottom
    width = round(float(value) / float(full) * BAR_WIDTH, 1) if full else 0
    words = with_unit(value, result.unit)
    if kind == "after":
        words += f" – {result.direction_label}"
    note, bottom = text_lines(
        "results-chart__value", words, LABEL_WIDTH, top + BAR_HEIGHT, BAR_WIDTH, TEXT_SIZE
    )
    rect = format_html(
        '<rect class="results-chart__bar results-chart__bar--{}" x="{}" y="{}" width="{}" '
        'height="{}"></rect>',
        kind,
        LABEL_WIDTH,
        top,
        width,
        BAR_HEIGHT,
    )
    return format_html("{}{}{}", label_text, rect, note), bottom


def chart_row(result, top):
    """One result: its heading, the bar before and the bar after; and the next free y."""
    full = scale(result)
    heading, y = text_lines(
        "results-chart__heading",
        f"{result.get_indicator_display()}: {result.description}",
        0,
        top,
        WIDTH,
        HEADING_SIZE,
        bold=True,
    )
    before, y = bar("before", "Före", result.value_before, result, y + GAP, full)
    after, y = bar("after", "Efter", result.value_after, result, y + GAP, full)
    return format_html('<g class="results-chart__result">{}{}{}</g>', heading, before, after), y


@register.simple_tag
def results_chart(results, chart_id="results-chart"):
    """Before and after bars for each result, each pair on its own scale (the units differ),
    with a title and a description in words that screen readers read instead of the bars."""
    results = list(results)
    if not results:
        return ""
    drawn = []
    height = 0
    for result in results:
        row, height = chart_row(result, height + (2 * GAP if drawn else 0))
        drawn.append((row,))
    rows = format_html_join("", "{}", drawn)
    height += LINE_GAP  # room for the last line's descenders
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
