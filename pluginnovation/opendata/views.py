"""/oppna-data/: what the open data is, its licence, and the files themselves."""

import datetime

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from pluginnovation.content.numbers import file_size
from pluginnovation.http_methods import require_safe
from pluginnovation.opendata import export
from pluginnovation.opendata.catalogue import (
    ARCHIVE_NAME,
    ATTRIBUTION,
    DATASETS,
    LICENCE_NAME,
    LICENCE_URL,
)

FORMAT_NAMES = {"csv": "CSV", "json": "JSON", "zip": "Zip"}
KNOWN = set(export.FILE_NAMES)
# Longer names are not repeated back in the message.
SHOWN_NAME_LENGTH = 60


def file_entry(name, current):
    extension = name.rpartition(".")[2]
    return {
        "name": name,
        "url": reverse("opendata:download", args=[name]),
        "format": FORMAT_NAMES[extension],
        "size": file_size(current.sizes.get(name, 0)),
    }


@require_safe
def index(request):
    current = export.current(request)
    datasets = [
        {
            "dataset": dataset,
            "rows": current.counts.get(dataset.slug, 0),
            "files": [file_entry(name, current) for name in dataset.file_names()],
        }
        for dataset in DATASETS
    ]
    return render(
        request,
        "opendata/index.html",
        {
            "datasets": datasets,
            "archive": file_entry(ARCHIVE_NAME, current),
            "updated_at": parse(current.updated_at),
            "source_url": current.source,
            "example_url": current.example_url or current.source,
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
            "attribution": ATTRIBUTION,
            # The read-only API (pluginnovation.api, docs/api.md).
            "api_url": reverse("wagtailapi:pages:listing"),
            "meta_title": "Öppna data",
            "meta_description": "Ladda ner kunskapsbankens forskning, fallstudier, metoder, "
            "resultat och taxonomi som CSV och JSON, fritt att använda under CC BY 4.0.",
        },
    )


def parse(moment):
    return datetime.datetime.fromisoformat(moment) if moment else None


def not_found(request, message):
    return render(
        request,
        "opendata/not_found.html",
        {
            "message": message,
            "files": [
                {"name": name, "url": reverse("opendata:download", args=[name])}
                for name in export.FILE_NAMES
            ],
            "index_url": reverse("opendata:index"),
        },
        status=404,
    )


@require_safe
def download(request, name):
    if name not in KNOWN:
        shown = name if len(name) <= SHOWN_NAME_LENGTH else name[:SHOWN_NAME_LENGTH] + "…"
        return not_found(request, f"Det finns ingen fil som heter ”{shown}”.")
    if request.META.get("QUERY_STRING"):
        # One address per file: a query would be a copy of its own in every cache.
        return not_found(
            request, f"Filerna har inga parametrar. Hämta {name} utan det som står efter ”?”."
        )
    data = export.file_bytes(name, request)
    response = HttpResponse(data, content_type=export.media_type(name))
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
