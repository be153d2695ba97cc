"""Where the work happened: visible case studies counted per county (län)."""

from django.db.models import Count

from casestudies.models import CaseStudyPage
from pluginnovation.content.visibility import visible
from pluginnovation.taxonomy.counties import COUNTIES, county_of


def case_studies_per_county(pages=None):
    """[(county, number of visible case studies from its municipalities)] for all 21 counties,
    in SCB's order. One query: the case studies are counted per municipality code in the
    database, and the at most 290 codes summed per county here."""
    pages = visible(CaseStudyPage.objects.all()) if pages is None else pages
    per_code = pages.order_by().values_list("municipality__code").annotate(count=Count("pk"))
    counts = dict.fromkeys(COUNTIES, 0)
    for code, count in per_code:
        county = county_of(code)
        if county is not None:
            counts[county] += count
    return list(counts.items())


def shade_steps(maximum, steps=4):
    """Upper bounds of the map's shading steps for counts 1..maximum (0 has a step of its own):
    at most `steps` steps of roughly equal width, so a county with one case study and one with
    the most never share a shade when they differ."""
    if maximum <= 0:
        return []
    width = max(1, -(-maximum // steps))  # ceiling division
    return list(range(width, maximum, width))[: steps - 1] + [maximum]


SHADES = 4


def shade(count, steps):
    """The shade (0 for none, 1..SHADES) of a count: the highest step always gets the darkest
    shade, so with few case studies the map still shows where the most are."""
    if count <= 0:
        return 0
    step = next(i for i, bound in enumerate(steps, start=1) if count <= bound)
    return SHADES - len(steps) + step


def counties_of(municipality_codes):
    """The counties the municipality codes lie in, in SCB's order, each once; codes that name
    no county are left out."""
    found = {county_of(code) for code in municipality_codes} - {None}
    return [county for county in COUNTIES if county in found]


def municipalities_by_county(municipalities):
    """[(county, [municipalities in it, as given])] in SCB's order, for the municipalities
    (anything with a `code`) that lie in a county."""
    grouped = {}
    for municipality in municipalities:
        county = county_of(municipality.code)
        if county is not None:
            grouped.setdefault(county, []).append(municipality)
    return [(county, grouped[county]) for county in COUNTIES if county in grouped]
