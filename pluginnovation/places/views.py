"""/karta/: Sweden's counties shaded by how many case studies come from each."""

from django.shortcuts import render

from casestudies.models import CaseStudyIndexPage
from pluginnovation.content.visibility import visible
from pluginnovation.discovery.places import case_studies_per_county, shade, shade_steps
from pluginnovation.http_methods import require_safe
from pluginnovation.places.outlines import outlines

# The filter on the case-study listing that picks one county's case studies.
COUNTY_PARAM = "lan"
# The listing's results (templates/search/includes/results.html): on a phone the filters come
# first, a screen or two above them.
RESULTS_ANCHOR = "results-heading"


@require_safe
def county_map(request):
    counts = case_studies_per_county()
    steps = shade_steps(max(count for _, count in counts))
    index = visible(CaseStudyIndexPage.objects.all()).first()
    listing_url = index.get_url(request) if index else None
    paths = outlines()["counties"]
    counties = [
        {
            "county": county,
            "count": count,
            "shade": shade(count, steps),
            "outline": paths[county.slug],
            "url": (
                f"{listing_url}?{COUNTY_PARAM}={county.slug}#{RESULTS_ANCHOR}"
                if listing_url
                else None
            ),
        }
        for county, count in counts
    ]
    legend = [{"shade": 0, "label": "Inga fallstudier"}]
    low = 1
    for bound in steps:
        label = f"{low}" if low == bound else f"{low}–{bound}"
        legend.append({"shade": shade(bound, steps), "label": label})
        low = bound + 1
    return render(
        request,
        "places/county_map.html",
        {
            "counties": counties,
            "legend": legend,
            "view_box": outlines()["viewBox"],
            "total": sum(count for _, count in counts),
            "listing_url": listing_url,
            "meta_title": "Karta: fallstudier per län",
            "meta_description": "Var i Sverige skolor och kommuner har arbetat för att fler unga "
            "ska fullfölja gymnasiet: antal fallstudier i kunskapsbanken per län.",
        },
    )
