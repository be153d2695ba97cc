"""/resultat/: the measured results of every visible case study, filterable and summed up."""

from urllib.parse import urlencode

from django.shortcuts import render

from pluginnovation.discovery.results import (
    PARAMS,
    filter_options,
    parse_filters,
    results_overview,
)


def results(request):
    options = filter_options()
    filters = parse_filters(request.GET, options)
    context = results_overview(filters)
    context.update(
        {
            "filters": [
                {
                    "name": param.name,
                    "label": param.label,
                    "options": options[param.name].items(),
                    "chosen": filters.values.get(param.name, []),
                }
                for param in PARAMS
            ],
            "filtered": bool(filters.values),
            "notices": filters.notices(),
            "meta_title": "Resultat från lokalt arbete",
            "query": urlencode(
                [(name, value) for name, values in filters.values.items() for value in values]
            ),
        }
    )
    return render(request, "search/results_overview.html", context)
