"""Building the archive: seeds, crawl, the archive's own pages, rewriting, the search index.

build(folder) writes the whole public site into `folder` and returns a Report. Pages are
written as they are fetched, then rewritten in place once every address is known, so the
build holds one page in memory at a time.
"""

import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import validate_host
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from pluginnovation.archive import pages, rewrite, search_index
from pluginnovation.archive.addresses import file_for
from pluginnovation.archive.crawl import Crawler, Resource, address_of
from pluginnovation.archive.scope import Scope
from pluginnovation.archive.wording import texts
from pluginnovation.taxonomy.models import SuccessFactor

# Views outside the page tree, in both languages where they have an English address.
VIEW_SEEDS = ["factor_list", "explore", "results"]
SWEDISH_ONLY_SEEDS = ["county_map", "feed"]


@dataclass
class Report:
    folder: Path
    pages: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    skipped: dict = field(default_factory=dict)
    failures: dict = field(default_factory=dict)
    truncated: bool = False


class Writer:
    """Files in the archive folder; one address per file."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.owners = {}

    def claim(self, resource):
        owner = self.owners.setdefault(resource.file, resource.key)
        return owner == resource.key

    def path(self, file):
        return self.folder / file

    def write(self, file, data):
        target = self.path(file)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        target.write_bytes(data)

    def read(self, file):
        return self.path(file).read_text("utf-8")


def site_host():
    """A host name the site answers to: the public address's, else the first allowed one."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or ""
    if host and validate_host(host, settings.ALLOWED_HOSTS):
        return host
    for allowed in settings.ALLOWED_HOSTS:
        if allowed != "*":
            return allowed.lstrip(".")
    return "localhost"


def view_seeds():
    seeds = []
    for language in ("sv", "en"):
        with translation.override(language):
            names = VIEW_SEEDS + (SWEDISH_ONLY_SEEDS if language == "sv" else [])
            seeds += [reverse(name) for name in names]
            seeds += [reverse("factor_detail", args=[f.slug]) for f in SuccessFactor.objects.all()]
    try:
        # The open-data page, where the site has one (pluginnovation.opendata).
        seeds.append(reverse("opendata:index"))
    except NoReverseMatch:
        seeds.append("/oppna-data/")
    return seeds


def build(folder, max_depth=4, max_pages=50_000, made_on=None):
    started = time.monotonic()
    made_on = made_on or timezone.localdate()
    host = site_host()
    writer = Writer(folder)
    scope = Scope.current()
    words = {language: texts(language, made_on) for language in ("sv", "en")}

    own_pages = pages.archive_pages(words, host)
    seeds = sorted(scope.visible_paths) + view_seeds() + [static(pages.STYLESHEET)]
    crawler = Crawler(scope, writer, host, max_depth=max_depth, max_pages=max_pages)
    crawl = crawler.run([address_of(url) for url in seeds], extra_pages=own_pages.items())

    for key, text in own_pages.items():
        resource = Resource(key, file_for(key), "text/html")
        writer.write(resource.file, text)
        crawl.resources[key] = resource
    index_file = file_for(pages.INDEX_KEY)
    rendered = lambda key: writer.read(crawl.resources[key].file)  # noqa: E731
    index = search_index.entries(crawl, scope, rendered, set(own_pages))
    writer.write(index_file, search_index.script(index))
    crawl.resources[pages.INDEX_KEY] = Resource(pages.INDEX_KEY, index_file, "text/javascript")

    links = rewrite.Links(
        crawl=crawl,
        host=host,
        search_files={lang: crawl.resources[key].file for lang, key in pages.SEARCH_KEYS.items()},
        notice_files={lang: crawl.resources[key].file for lang, key in pages.NOTICE_KEYS.items()},
    )
    extras = {language: pages.snippets(words[language], language) for language in words}
    report = Report(folder=Path(folder))
    for key, resource in crawl.resources.items():
        if resource.content_type == "text/html":
            text = writer.read(resource.file)
            text = rewrite.rewrite_html(text, key, resource.file, links, extras)
            writer.write(resource.file, text)
            report.pages += 1
        elif resource.content_type == "text/css":
            text = writer.read(resource.file)
            writer.write(resource.file, rewrite.rewrite_css(text, key, resource.file, links))
    report.files = len(crawl.resources)
    report.bytes = sum(writer.path(r.file).stat().st_size for r in crawl.resources.values())
    report.skipped = scope.skipped
    report.failures = crawl.failures
    report.truncated = crawl.truncated
    report.seconds = time.monotonic() - started
    return report
