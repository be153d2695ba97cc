"""Round trips to the shared cache per page stay bounded, as SQL queries do.

With several app servers the cache is Redis, and each read is a round trip over the network:
a page that read the cache once per card or per link paid for it with every card it showed.
Each address is requested twice with the discovery cache on; the second request (everything
it needs already cached, as on a running site between two edits, page cache off) is counted,
with the demo content and with ten times as many pages.
"""

from django.core.cache import caches

import pytest

from bench.content import generate_content
from pluginnovation.content import languages
from pluginnovation.content.models import ContentPage
from pluginnovation.discovery import cache as discovery_cache

pytestmark = pytest.mark.django_db

# The content version, the menu and footer, the page's data (facets, hits, related pages),
# the language links: a handful of reads, whatever the page shows.
CEILING = 8
READS = ("get", "get_many", "has_key", "get_or_set")


@pytest.fixture
def counted_reads(monkeypatch, settings):
    settings.PAGE_CACHE_SECONDS = 0
    # The process keeps its copy of the locale codes for 10 s: on a slow machine it could run
    # out between the two requests of one address and count a read the first did not make.
    monkeypatch.setattr(languages, "LOCAL_SECONDS", 3600)
    monkeypatch.setattr(discovery_cache, "caching_allowed", lambda: True)
    backend = caches["default"]
    calls = []
    depth = [0]  # get_or_set() calls get(): one round trip, counted once
    for name in READS:
        original = getattr(backend, name)

        def counting(*args, _original=original, _name=name, **kwargs):
            if not depth[0]:
                calls.append((_name, args[0] if args else None))
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, counting)
    return calls


def addresses():
    details = [
        model.objects.live().order_by("pk").first().url
        for model in {type(page.specific) for page in ContentPage.objects.live()}
    ]
    return [
        "/",
        "/utforska/",
        "/utforska/?faktor=samverkan&typ=fallstudie",
        "/fallstudier/",
        "/fallstudier/gr/",
        "/framgangsfaktorer/samverkan/",
        "/sok/?q=frånvaro",
        "/en/",
        *details,
    ]


def reads_per_page(client, calls):
    counts = {}
    for url in addresses():
        assert client.get(url).status_code == 200, url
        calls.clear()
        client.get(url)
        counts[url] = list(calls)
    return counts


def test_cache_reads_per_page_do_not_grow_with_the_content(client, counted_reads):
    small = reads_per_page(client, counted_reads)
    generate_content(9 * ContentPage.objects.count(), seed=12)
    large = reads_per_page(client, counted_reads)
    for url, reads in large.items():
        assert len(reads) <= CEILING, (url, [r[1] for r in reads])
        assert len(reads) <= len(small[url]) + 1, (url, small[url], reads)
