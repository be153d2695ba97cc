"""/resultat/: the measured results of every visible case study, filterable and summed up."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import get_language, gettext

from pluginnovation.discovery import fragments
from pluginnovation.discovery.cache import cached
from pluginnovation.discovery.results import (
    PARAMS,
    filter_options,
    option_counts,
    parse_filters,
    results_overview,
)
from pluginnovation.http_methods import require_safe


@require_safe
def results(request):
    # The options name the categories in the language shown: three small queries, kept per
    # content version and language.
    options = cached(request, "results-options", get_language(), filter_options)
    filters = parse_filters(request.GET, options)
    head = {
        "filtered": bool(filters.values),
        "notices": filters.notices(),
        "meta_title": gettext("Resultat från lokalt arbete"),
        "shared_body": True,
    }
    if fragments.ready(request, "body"):
        return render(request, "search/results_overview.html", head)
    context = results_overview(filters, request.GET.get("sida"), request)
    for row in context["items"] or []:
        # Each row links to its case study twice: work the address out once.
        row.page_url = row.page.get_url(request)
    counts = cached(request, "results-option-counts", filters.key(), lambda: option_counts(filters))
    filter_list = [
        {
            "name": param.name,
            "label": param.label,
            "options": offered(
                options[param.name], counts[param.name], filters.values.get(param.name, [])
            ),
            # Projects and regions have Swedish names only (lang="sv" on /en/).
            "swedish_names": param.name in ("projekt", "region"),
        }
        for param in PARAMS
    ]
    context.update(
        {
            "filters": filter_list,
            # What was chosen, in words: a paper copy has no form to show it.
            "selection": [
                (filter["label"], [name for _, name, _, chosen in filter["options"] if chosen])
                for filter in filter_list
                if any(chosen for *_, chosen in filter["options"])
            ],
            # A summary row links to its project's or region's results with the other filters
            # as chosen, so the next page's numbers are the row's.
            "keep": {param.name: others_query(filters, param.name) for param in PARAMS},
            **head,
        }
    )
    return render(request, "search/results_overview.html", context)


def offered(options, counts, chosen):
    """(value, name, number of results, chosen?) of the values a filter offers: those with
    results, and the chosen ones whatever their number."""
    return [
        (value, name, counts.get(value, 0), value in chosen)
        for value, name in options.items()
        if counts.get(value) or value in chosen
    ]


def others_query(filters, left_out):
    """The chosen values of every filter but `left_out`, as the start of a query string."""
    pairs = [
        (param.name, value)
        for param in PARAMS
        if param.name != left_out
        for value in filters.values.get(param.name, [])
    ]
    return f"{urlencode(pairs)}&" if pairs else ""
