"""A search's ranking, kept with the bucket versions it was made under, so that the first
search after a publish ranks only the pages of the changed bucket again.

Ranking every match of a common word (`ts_rank` on each, then the best MAX_HITS) is most of a
search's time at 10,000 pages, and every publish used to make every search rank everything
again. A page's score depends on its own text and the query alone (PostgreSQL's `ts_rank` has
no corpus statistics), so a ranking stays true for the buckets of pages that did not change
(pluginnovation.discovery.buckets): their hits are kept with their scores, the changed buckets
are ranked again, and the two are merged in the backend's order (score, then newest id).

A merged ranking is trusted for MAX_AGE after everything was last ranked (a change made
without signals, `update_index` renewing every title's length norm, a lost version), then
everything is ranked again. A ranking cut at MAX_HITS does not know the matches after its last
hit. The merge is used only
when its first MAX_HITS hits all come before the earliest such cut; otherwise (pages that
were hits are gone and others would move up) everything is ranked again. PostgreSQL only:
SQLite's FTS5 rank (bm25) depends on the whole corpus, so there every ranking is made whole.
"""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache

from wagtail.search.backends import get_search_backend

from pluginnovation.discovery import buckets
from pluginnovation.discovery.cache import MAX_AGE

# Enough for facet counts to be meaningful; more are rarely looked at and cost time.
MAX_HITS = 500
# Ranking the pages of more changed page ids than this took PostgreSQL about as long as
# ranking all of them (10,000 pages), so then all are.
MAX_RANKED_AGAIN = 1024


@dataclass
class Ranking:
    versions: dict  # bucket number -> its version when ranked
    hits: list  # (score, page id, content type id), best first
    cut: tuple | None  # order key of the last hit if more matches may follow; None: all known
    made: float  # when everything was last ranked: merged rankings are trusted for MAX_AGE


def order(hit):
    """The backend's order: highest score first, then the highest id."""
    return (-hit[0], -hit[1])


def rank(query, pages):
    """(hits, cut) of the best MAX_HITS matches among `pages`."""
    results = get_search_backend().search(query, pages).annotate_score("_score")[:MAX_HITS]
    # The backend's own query, as values: making hundreds of page objects took longer than
    # the ranking.
    hits = list(results.get_queryset().values_list("_score", "pk", "content_type_id"))
    return hits, (order(hits[-1]) if len(hits) >= MAX_HITS else None)


def merged(old, changed, query, pages):
    """(hits, cut) from `old` for the unchanged buckets and a new ranking of the changed ones,
    or None where that cannot be known to be the whole ranking's best MAX_HITS, or where so
    many pages changed that ranking all of them is as quick."""
    if len(changed) * buckets.SMALL_SIZE > MAX_RANKED_AGAIN:
        return None
    fresh, fresh_cut = rank(query, pages.filter(buckets.within(changed, buckets.SMALL_SIZE)))
    kept = [hit for hit in old.hits if buckets.number(hit[1], buckets.SMALL_SIZE) not in changed]
    hits = sorted(kept + fresh, key=order)
    cuts = [cut for cut in (old.cut, fresh_cut) if cut is not None]
    if not cuts:  # every match is known
        return hits[:MAX_HITS], (order(hits[MAX_HITS - 1]) if len(hits) > MAX_HITS else None)
    if len(hits) >= MAX_HITS and order(hits[MAX_HITS - 1]) <= min(cuts):
        return hits[:MAX_HITS], order(hits[MAX_HITS - 1])
    return None


def best(query, searchable_pages, request=None):
    """(page id, content type id) of the best MAX_HITS matches of `query` among the pages
    searchable_pages() gives (live and public), best first; ranked again only where pages
    changed.

    The versions are read before the pages' view restrictions are: a restriction made in
    between gives a ranking stricter than its versions ask for, never one that shows more."""
    versions = buckets.versions(buckets.SMALL_SIZE, request)
    everything = buckets.all_version()
    pages = searchable_pages()
    identity = repr((everything, buckets.SMALL_SIZE, query))
    key = "ranking:" + hashlib.sha1(identity.encode()).hexdigest()
    old = cache.get(key)
    found = None
    if old is not None and time.time() - old.made < MAX_AGE:
        numbers = set(versions) | set(old.versions)
        changed = {n for n in numbers if old.versions.get(n) != versions.get(n)}
        found = merged(old, changed, query, pages) if changed else (old.hits, old.cut)
        made = old.made
    if found is None:
        found, made = rank(query, pages), time.time()
    if buckets.UNKEPT not in repr((everything, versions)):
        cache.set(key, Ranking(versions, *found, made), MAX_AGE)
    return [(pk, content_type_id) for _score, pk, content_type_id in found[0]]
