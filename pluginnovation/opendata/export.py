"""All the downloads made at once, and kept in the shared cache for one content version.

The files are made together (one pass over the database, tests/test_open_data.py bounds its
queries) and kept in the shared cache (Redis with several app servers, files on one machine),
so every process serves the same bytes and only one makes them. They are valid for one content
version (pluginnovation.discovery.cache): every publish, unpublish, move, deletion, privacy or
category change starts a new one, and the next request makes the files anew. A copy made for an
older version is never served: a page may have been made private since.

Each file is kept under a fixed key with the version it was made for, so the cache holds one
set of files, not one per version. The version is read before the data: files made while an
editor publishes are stored under the version before the publish, which is no longer asked for.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Page

from pluginnovation.content.models import ContentPage
from pluginnovation.content.visibility import visible
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.news.models import EventPage, NewsPage
from pluginnovation.opendata import formats, records
from pluginnovation.opendata.catalogue import ARCHIVE_NAME, DATASETS
from pluginnovation.projects.models import ProjectPage

MANIFEST_KEY = "opendata:manifest"
FILE_KEY = "opendata:file:{}"
BUILDING_KEY = "opendata:building:{}"
# Kept a week unless a new version replaces them sooner.
KEEP_SECONDS = 7 * 24 * 60 * 60
# While one process makes the files, others wait for them this long before making them too.
WAIT_SECONDS = 30
README_NAME = "LASMIG.txt"

FILE_NAMES = [name for dataset in DATASETS for name in dataset.file_names()] + [ARCHIVE_NAME]


def media_type(name):
    return formats.MEDIA_TYPES[name.rpartition(".")[2]]


@dataclass
class Export:
    version: str
    generated_at: str
    updated_at: str | None
    source: str
    example_url: str | None  # a page's address, for the attribution's example
    counts: dict  # dataset slug → rows
    sizes: dict  # file name → bytes
    files: dict  # file name → bytes; empty in a manifest read from the cache

    def manifest(self):
        return {
            "version": self.version,
            "generated_at": self.generated_at,
            "updated_at": self.updated_at,
            "source": self.source,
            "example_url": self.example_url,
            "counts": self.counts,
            "sizes": self.sizes,
        }


def latest_publish():
    """When a page the files hold was last published: one query."""
    pages = Page.objects.type(ContentPage, NewsPage, EventPage, ProjectPage)
    return visible(pages).aggregate(latest=Max("last_published_at"))["latest"]


def build(version=None):
    """Every file, made from the database now: the same few dozen queries whatever the amount
    of content (tests/test_open_data.py); at 10,000 pages some 6 s of CPU and 57 MB of files.
    One dataset's rows are held at a time."""
    with translation.override(settings.LANGUAGE_CODE):
        generated = timezone.now()
        reading = records.Reading()
        meta = {
            "source": reading.absolute(reverse("opendata:index")),
            "generated_at": records.moment(generated),
            "updated_at": records.moment(latest_publish()),
        }
        files, counts, example_url = {}, {}, None
        for dataset in DATASETS:
            rows = dataset.read(reading)
            counts[dataset.slug] = len(rows)
            example_url = example_url or next((row["url"] for row in rows if "url" in row), None)
            files[f"{dataset.slug}.csv"] = formats.csv_bytes(dataset, rows)
            files[f"{dataset.slug}.json"] = formats.json_bytes(dataset, rows, meta)
        readme = formats.readme_text(DATASETS, meta)
        files[ARCHIVE_NAME] = formats.zip_bytes({README_NAME: readme, **files}, generated)
    return Export(
        version=version,
        generated_at=meta["generated_at"],
        updated_at=meta["updated_at"],
        source=meta["source"],
        example_url=example_url,
        counts=counts,
        sizes={name: len(data) for name, data in files.items()},
        files=files,
    )


def store(export):
    entries = {FILE_KEY.format(name): (export.version, data) for name, data in export.files.items()}
    entries[MANIFEST_KEY] = export.manifest()
    cache.set_many(entries, KEEP_SECONDS)


def from_manifest(manifest):
    return Export(files={}, **manifest)


def cached_manifest(version):
    manifest = cache.get(MANIFEST_KEY)
    return manifest if manifest and manifest["version"] == version else None


def made_by_another(version):
    """The manifest of `version` once another process has made the files, else None. The one
    that claims the version makes them; the others wait a while rather than all reading the
    whole database at once after a publish."""
    if cache.add(BUILDING_KEY.format(version), True, WAIT_SECONDS):
        return None
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.25)
        manifest = cached_manifest(version)
        if manifest:
            return manifest
    return None


def fresh(request=None):
    """The files of the current content version: made now, and kept when that is allowed."""
    if not discovery_cache.caching_allowed():
        return build()
    version = discovery_cache.content_version(request)
    manifest = made_by_another(version)
    if manifest:
        return from_manifest(manifest)
    try:
        export = build(version)
        store(export)
    finally:
        cache.delete(BUILDING_KEY.format(version))
    return export


def current(request=None):
    """What the files of the current version are (sizes, rows, dates), without their bytes
    when they come from the cache."""
    if discovery_cache.caching_allowed():
        manifest = cached_manifest(discovery_cache.content_version(request))
        if manifest:
            return from_manifest(manifest)
    return fresh(request)


def cached_files(names, version):
    """{name: bytes} of `names` as kept for `version`, or None unless all of them are."""
    found = cache.get_many([FILE_KEY.format(name) for name in names])
    files = {}
    for name in names:
        entry = found.get(FILE_KEY.format(name))
        if not entry or entry[0] != version:
            return None
        files[name] = entry[1]
    return files


def current_files(names=FILE_NAMES, request=None):
    """{name: bytes} of the files of the current content version (names from FILE_NAMES)."""
    if discovery_cache.caching_allowed():
        files = cached_files(names, discovery_cache.content_version(request))
        if files is not None:
            return files
    export = fresh(request)
    if export.files:
        return {name: export.files[name] for name in names}
    # Another process has just made them.
    files = cached_files(names, export.version)
    return files if files is not None else {name: build().files[name] for name in names}


def file_bytes(name, request=None):
    return current_files([name], request)[name]
