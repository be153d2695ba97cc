"""The facet index: which pages have each facet value, as bit sets, kept per bucket of page ids.

Counting a listing's facets in SQL took one UNION ALL query of a dozen joins over the link
tables: 60–150 ms at 10,000 pages, paid again for every combination of filters after every
publish. Here the pages with a facet value are a Python int used as a bit set (bit n: the page
with id `base + n` of its bucket) and a count is `(pages & others).bit_count()`: microseconds.

The bit sets are kept per bucket of page ids (pluginnovation.discovery.buckets), each under
its bucket's version, so after a publish only that bucket is read again from the database, and
only its changed small buckets where this process read it before.
Like the rest of the discovery cache, nothing is kept inside a transaction: then, and on a
cache miss, everything needed comes in one query.
"""

import hashlib
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Cast

from wagtail.models import Page

from pluginnovation.content.models import ContentPage, PageTag
from pluginnovation.content.visibility import shown_terms, visible
from pluginnovation.discovery import buckets
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.discovery.cache import MAX_AGE
from pluginnovation.discovery.facets import (
    COLUMNS,
    FACETS,
    FACETS_BY_PARAM,
    FacetResult,
    build_groups,
    content_types,
    filed_year,
    type_values,
    unknown_values,
)

# Bucket contents are immutable under their key, so each process also keeps the ones it read.
MEMO_SIZE = 256
_memo = {}  # key -> Bucket


@dataclass
class Terms:
    """Every term of every category facet: param -> [(slug, name, sort, id)]."""

    by_facet: dict
    made: float = field(default_factory=time.time)


@dataclass
class Bucket:
    """The bit sets of the pages with ids base … base + buckets.INDEX_SIZE - 1."""

    base: int
    made: float = field(default_factory=time.time)
    listed: int = 0  # pages of the listed content types
    hidden: int = 0  # drafts and pages at or below a view restriction
    values: dict = field(default_factory=dict)  # param -> {value: bit set}

    def add(self, param, value, pk):
        bits = self.values.setdefault(param, {})
        bits[value] = bits.get(value, 0) | (1 << (pk - self.base))

    def patched(self, new, mask):
        """A copy with the pages under `mask` as `new` (those pages read again) has them."""
        values = {}
        for param in self.values.keys() | new.values.keys():
            old_bits, new_bits = self.values.get(param, {}), new.values.get(param, {})
            merged = {
                value: (old_bits.get(value, 0) & ~mask) | new_bits.get(value, 0)
                for value in old_bits.keys() | new_bits.keys()
            }
            values[param] = {value: bits for value, bits in merged.items() if bits}
        listed = (self.listed & ~mask) | new.listed
        hidden = (self.hidden & ~mask) | new.hidden
        return Bucket(self.base, self.made, listed, hidden, values)


# --- reading ----------------------------------------------------------------------------------


def taxonomy_facets():
    return [facet for facet in FACETS if facet.relation is not None]


def field_facets():
    return [facet for facet in FACETS if facet.field_filter is not None]


def part(param, queryset, key=None, value=None, page="pk"):
    """A part of the load query: (param, text value, "", int value, page id) per row."""
    return (
        queryset.order_by()
        .annotate(
            f_facet=Value(param),
            f_slug=key if key is not None else Value(""),
            f_name=Value(""),
            f_sort=value if value is not None else Value(0),
            f_n=F(page),
        )
        .values_list(*COLUMNS)
    )


def page_parts(restricted):
    """The load query's parts for every page (bucket_rows narrows them to some buckets)."""
    hidden = Q(live=False)
    for path in restricted:
        hidden |= Q(path__startswith=path)
    parts = [
        part(
            "!type",
            Page.objects.filter(content_type__in=content_types()),
            value=F("content_type_id"),
        ),
        part("!hidden", Page.objects.filter(hidden)),
        part("ar", ContentPage.objects.all(), value=filed_year()),
    ]
    for facet in field_facets():
        column = facet.field_filter.field
        parts.append(
            part(
                facet.param,
                facet.model.objects.filter(**{f"{column}__isnull": False}),
                key=Cast(column, CharField()),
            )
        )
    for facet in taxonomy_facets():
        link, page_column, term_field = facet.link
        parts.append(
            part(
                facet.param,
                link.objects.all(),
                value=F(f"{term_field}_id"),
                page=page_column,
            )
        )
    return parts


def term_parts():
    """Every term of every taxonomy facet: ("=" + param, slug, name, sort, id). Keywords only
    where a page anyone may see carries them: editors' vocabularies are public, but a keyword
    is stored as soon as a draft names it, and a listing would tell that it exists."""
    parts = []
    for facet in taxonomy_facets():
        sort = F("start_year") if facet.relation == "projects" else F("sort_order")
        terms = shown_terms(facet.term_model)
        if facet.relation == "tags":
            sort = Value(0)
            public = visible(ContentPage.objects.all()).values("pk")
            used = PageTag.objects.filter(content_object_id__in=public).values("tag_id")
            terms = terms.filter(pk__in=used)
        parts.append(
            terms.order_by()
            .annotate(
                f_facet=Value("=" + facet.param),
                f_slug=F("slug"),
                f_name=F("name"),
                f_sort=sort,
                f_n=F("pk"),
            )
            .values_list(*COLUMNS)
        )
    return parts


@dataclass
class Index:
    buckets: list  # Bucket, by base
    terms: dict  # param -> [(slug, name, sort, id)]
    within: set | None  # page ids of a scope given as a query, read with the index


def compiled(parts):
    """(sql, params) of a UNION ALL of the parts."""
    query = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return query.query.sql_with_params()


def execute(sql, params):
    """The rows as the database gives them (the ORM's converters per row cost more than the
    rest of a bucket's reading)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def read(parts):
    return execute(*compiled(parts))


# The query for every page's rows, made by the ORM once per process and set of view
# restrictions: building a dozen joined parts took as long as running them for one bucket.
_every_page = {}


def bucket_rows(ranges, restricted):
    """The rows of the pages with ids in `ranges`: the database applies the ranges to each
    part of the union (PostgreSQL and SQLite push such a condition down), using its indexes."""
    if restricted not in _every_page:
        if len(_every_page) > 16:
            _every_page.clear()
        _every_page[restricted] = compiled(page_parts(restricted))
    sql, params = _every_page[restricted]
    condition = " OR ".join("(f_n >= %s AND f_n < %s)" for _range in ranges)
    bounds = [bound for pair in ranges for bound in pair]
    return execute(f"SELECT * FROM ({sql}) AS parts WHERE {condition}", [*params, *bounds])


def fill(rows, into, terms, within):
    """Sort the load query's rows into buckets ({number: Bucket}), terms and the scope's
    pages."""
    for param, slug, name, sort, pk in rows:
        if param == "!within":
            within.add(pk)
        elif param.startswith("="):
            terms.setdefault(param[1:], []).append((slug, name, sort, pk))
        else:
            number = buckets.number(pk, buckets.INDEX_SIZE)
            bucket = into.get(number) or into.setdefault(
                number, Bucket(number * buckets.INDEX_SIZE)
            )
            if param == "!type":
                bucket.listed |= 1 << (pk - bucket.base)
                bucket.add("typ", str(sort), pk)
            elif param == "!hidden":
                bucket.hidden |= 1 << (pk - bucket.base)
            elif param == "ar":
                bucket.add("ar", str(sort), pk)
            elif FACETS_BY_PARAM[param].field_filter is not None:
                bucket.add(param, slug, pk)  # a field's value, as text
            else:
                bucket.add(param, sort, pk)  # a category's term id


def load(restricted, within_query=None):
    """The index: what the cache does not hold is read in one query, none if it holds all."""
    if not discovery_cache.caching_allowed():
        built, terms, within = {}, {}, set()
        parts = term_parts() + page_parts(restricted)
        if within_query is not None:
            parts.append(part("!within", Page.objects.filter(pk__in=within_query)))
        fill(read(parts), built, terms, within)
        return Index([built[n] for n in sorted(built)], terms, within)

    index_version = buckets.all_version()
    restricted_key = hashlib.sha1(repr(sorted(restricted)).encode()).hexdigest()[:12]
    keys = {
        number: f"facet-index:{index_version}:{restricted_key}:{number}:{version}"
        for number, version in buckets.versions(buckets.INDEX_SIZE).items()
    }
    terms_key = f"facet-index:{index_version}:terms"
    found = {key: _memo.get(key) for key in keys.values()}
    found.update(cache.get_many([key for key, bucket in found.items() if bucket is None]))
    found.update(cache.get_many([terms_key]))
    # Nothing is used longer than MAX_AGE after it was read from the database, wherever it
    # was kept: a change made without signals, or a lost version, is seen by then.
    found = {key: part for key, part in found.items() if part is not None and fresh(part)}
    missing = [number for number, key in keys.items() if key not in found]

    built, new_terms, within = {}, {}, set()
    terms = found.get(terms_key)
    parts = [] if terms is not None else term_parts()
    if within_query is not None:
        parts.append(part("!within", Page.objects.filter(pk__in=within_query)))
    if parts:
        fill(read(parts), built, new_terms, within)
    if missing:
        built.update(read_buckets(missing, (index_version, restricted_key), restricted))
    writes = {}
    if terms is None:
        terms = writes[terms_key] = Terms(new_terms)
    if len(_memo) > MEMO_SIZE:
        _memo.clear()
    kept = []
    for number, key in keys.items():
        if key in found:
            bucket = found[key]
        else:
            bucket = writes[key] = built.get(number) or Bucket(number * buckets.INDEX_SIZE)
        if buckets.UNKEPT not in key:
            _memo[key] = bucket
        kept.append(bucket)
    writes = {key: part for key, part in writes.items() if buckets.UNKEPT not in key}
    if writes:
        cache.set_many(writes, MAX_AGE)
    return Index(kept, terms.by_facet, within)


def fresh(part):
    return time.time() - part.made < MAX_AGE


# The bucket this process last read from the database for each number, with the versions of the
# small buckets within it then: when its version changes only the small buckets whose version
# changed are read again (32 page ids instead of 512 after a publish).
_latest = {}  # (index version, restrictions, size, number) -> (Bucket, {small number: version})


def read_buckets(numbers, scope, restricted):
    """{number: Bucket} of the buckets `numbers` from the database: whole, or where this
    process read one before (under the same index version and restrictions, at most MAX_AGE
    ago), only its small buckets whose version changed since; the rest is kept. The small
    buckets' versions are read before the rows, and renewed before their bucket's is
    (buckets.bump_bucket), so a reader that sees a bucket's new version sees which of its
    small buckets changed."""
    size, small_size = buckets.INDEX_SIZE, buckets.SMALL_SIZE
    smaller = {n: buckets.smaller(n, size, small_size) for n in numbers}
    versions = buckets.versions_of(small_size, [s for n in numbers for s in smaller[n]])
    earlier, changed = {}, {}
    for n in numbers:
        kept = _latest.get((*scope, size, n))
        if kept is not None and fresh(kept[0]):
            earlier[n] = kept[0]
            changed[n] = [s for s in smaller[n] if kept[1].get(s) != versions[s]]
    whole = [n for n in numbers if n not in earlier]
    ranges = buckets.id_ranges(whole, size) + buckets.id_ranges(
        [s for n in changed for s in changed[n]], small_size
    )
    reread = {}
    if ranges:
        fill(bucket_rows(ranges, tuple(restricted)), reread, {}, set())
    made = {}
    if len(_latest) > MEMO_SIZE:
        _latest.clear()
    for n in numbers:
        bucket = reread.get(n) or Bucket(n * size)
        if n in earlier:
            mask = 0
            for s in changed[n]:
                mask |= ((1 << small_size) - 1) << (s * small_size - n * size)
            bucket = earlier[n].patched(bucket, mask)
        made[n] = bucket
        seen = {s: versions[s] for s in smaller[n]}
        if buckets.UNKEPT not in repr((scope, seen)):
            _latest[(*scope, size, n)] = (bucket, seen)
    return made


# --- counting ---------------------------------------------------------------------------------


def value_keys(param, values, index):
    """The index's keys of the values chosen for facet `param` (its values as stored)."""
    facet = FACETS_BY_PARAM[param]
    if param == "typ":
        return [pk for pk, value in type_values().items() if value in values]
    if param == "ar":
        return values
    if facet.field_filter is not None:
        return [str(stored) for stored in facet.field_filter.stored_values(values)]
    return [term_id for slug, _name, _sort, term_id in index.terms.get(param, []) if slug in values]


def within_bits(ids):
    """{bucket base: bit set} of the page ids."""
    bits = {}
    for pk in ids:
        base = pk - pk % buckets.INDEX_SIZE
        bits[base] = bits.get(base, 0) | (1 << (pk - base))
    return bits


def count_rows(scope, selection, facets):
    """(facet, value, name, sort, count) rows: the total (facet ""), every count above zero
    and, for categories, the terms shown even without hits (as facets.build_groups reads)."""
    within_query = None
    if scope.within is not None and not isinstance(scope.within, list | tuple | set):
        within_query = scope.within
    index = load(scope.restricted, within_query)
    within = None
    if within_query is not None:
        within = within_bits(index.within)
    elif scope.within is not None:
        within = within_bits(scope.within)
    chosen = {param: value_keys(param, values, index) for param, values in selection.values.items()}
    counts = {}
    total = 0
    for bucket in index.buckets:
        in_scope = ~bucket.hidden if within is None else within.get(bucket.base, 0) & ~bucket.hidden
        filters = {}
        for param, keys in chosen.items():
            bits, by_value = 0, bucket.values.get(param, {})
            for key in keys:
                bits |= by_value.get(key, 0)
            filters[param] = bits
        matching = in_scope
        for bits in filters.values():
            matching &= bits
        total += (matching & bucket.listed).bit_count()
        for facet in facets:
            base = in_scope
            for param, bits in filters.items():
                if param != facet.param:
                    base &= bits
            if not base:
                continue
            found = counts.setdefault(facet.param, {})
            for value, bits in bucket.values.get(facet.param, {}).items():
                n = (bits & base).bit_count()
                if n:
                    found[value] = found.get(value, 0) + n
    return as_rows(total, counts, facets, selection, index)


def as_rows(total, counts, facets, selection, index):
    rows = [("", "", "", 0, total)]
    for facet in facets:
        found = counts.get(facet.param, {})
        if facet.relation is None:
            rows += [(facet.param, value, "", 0, n) for value, n in found.items()]
            continue
        chosen = selection.values.get(facet.param, [])
        for slug, name, sort, term_id in index.terms.get(facet.param, []):
            if facet.show_all or slug in chosen:
                rows.append((facet.param, slug, name, sort, 0))
            if found.get(term_id):
                rows.append((facet.param, slug, name, 0, found[term_id]))
    return rows


def count_facets(scope, selection, facets=FACETS, memo=None):
    """The total and each facet's options with counts, from the index.

    Every chosen taxonomy facet is counted even when hidden, so unknown slugs are always found:
    an unknown value is dropped from the selection; only if that empties a facet does its filter
    change, and then the counts are made again. memo(key, compute) may cache the rows.
    """
    counted = [f for f in FACETS if f in facets or f.param in selection.values]

    def counted_rows():
        key = (selection.as_pairs(), [facet.param for facet in counted])
        compute = lambda: count_rows(scope, selection, counted)  # noqa: E731
        return memo(key, compute) if memo else compute()

    total, groups = build_groups(counted_rows(), selection, counted)
    unknown = unknown_values(groups, selection)
    for param, values in unknown.items():
        selection.drop(param, values)
    if any(param not in selection.values for param in unknown):
        total, groups = build_groups(counted_rows(), selection, counted)
    names = {(g.facet.param, o.value): o.name for g in groups for o in g.options}
    return FacetResult(total, [g for g in groups if g.facet in facets], names)
