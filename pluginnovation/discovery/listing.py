"""The faceted, paginated result list that the index pages, /utforska/ and /sok/ share."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import F, Q, Value, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext, gettext_lazy

from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction

from pluginnovation.content.models import NEWEST_FIRST, ContentPage
from pluginnovation.content.numbers import typed_int
from pluginnovation.content.visibility import shown_terms
from pluginnovation.discovery.cache import MAX_AGE, cached, content_version
from pluginnovation.discovery.excerpts import TEXT_FIELDS, page_text
from pluginnovation.discovery.facet_index import count_facets
from pluginnovation.discovery.facets import (
    FACETS,
    FACETS_BY_PARAM,
    Scope,
    Selection,
    content_models,
    filtered,
    parse_selection,
)
from pluginnovation.discovery.facets import types as facet_types
from pluginnovation.taxonomy.models import EnglishName

PAGE_SIZE = 20
FACET_LABELS = {facet.param: facet.label for facet in FACETS}
# Longer filter values are cut in messages; nobody needs to see all of a junk value.
SHOWN_VALUE_LENGTH = 40
# Only the first few ignored values are named.
SHOWN_VALUES = 5


def restricted_paths(request=None):
    """The tree paths of the pages with a view restriction (a page at or below one is hidden),
    read once per content version."""
    paths = getattr(request, "_restricted_paths", None)
    if paths is None:
        paths = cached(
            request,
            "restricted",
            None,
            lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        )
        if request is not None:
            request._restricted_paths = paths
    return paths


def hidden_pages(request=None):
    """Ids of the pages a visitor may not see, as a subquery: drafts, and every page at or
    below a page with a view restriction (what Wagtail's .public() leaves out). The partial
    index on drafts and the path index answer it without reading the page table."""
    hidden = Q(live=False)
    for path in restricted_paths(request):
        hidden |= Q(path__startswith=path)
    return Page.objects.filter(hidden).values("pk")


def visible_pages(request=None):
    """Every content page a visitor may see: live and not behind a view restriction."""
    return ContentPage.objects.exclude(pk__in=hidden_pages(request))


def pages_below(page):
    """Ids of the pages below `page`, for an index page's listing."""
    return Page.objects.filter(path__startswith=page.path, depth__gt=page.depth).values("pk")


class CountedPaginator(Paginator):
    """A paginator told the total, which the facet query already counted."""

    def __init__(self, object_list, per_page, total):
        super().__init__(object_list, per_page)
        self.total = total

    @cached_property
    def count(self):
        return self.total


def requested_page_number(raw):
    """`sida` from a request as an int, or None when it is not a plain number."""
    return typed_int(raw)


def page_number(raw, num_pages):
    """`sida` as a page number: junk or anything below 1 gives the first page, past the end
    the last, so an old or hand-edited link still shows a normal page."""
    number = requested_page_number(raw) or 1
    return min(max(number, 1), num_pages)


def specific_pages(pairs, with_text=False, hidden=None):
    """The specific pages for (pk, content type id) pairs, in the same order, leaving out any
    in `hidden` (a subquery of page ids).

    One query per content type, plus one for the success factors every card shows. with_text:
    each page also gets `search_text`, its plain text for a search hit's excerpt; its
    StreamField values and the texts it was made from are read for that and then left
    deferred, since a page of hits is cached and unpickled on every request and its bodies
    were most of its size.
    """
    pks_by_type = {}
    for pk, content_type_id in pairs:
        pks_by_type.setdefault(content_type_id, []).append(pk)
    by_pk = {}
    for content_type_id, pks in pks_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        pages = model.objects.filter(pk__in=pks)
        if hidden is not None:
            pages = pages.exclude(pk__in=hidden)
        if not with_text:
            pages = pages.defer_streamfields()
        by_pk.update((page.pk, page) for page in pages)
    items = [by_pk[pk] for pk, _type in pairs if pk in by_pk]
    if with_text:
        for page in items:
            page.search_text = page_text(page)
            for field in page._meta.concrete_fields:
                if isinstance(field, StreamField) or field.name in TEXT_FIELDS:
                    page.__dict__.pop(field.attname, None)
    prefetch_related_objects(items, "factors")
    return items


@dataclass
class ActiveFilter:
    label: str
    name: str
    remove_url: str
    # The language of `name` where it is not the one shown.
    lang: str = ""


def filter_url(path, keep, selection):
    query = urlencode(keep + selection.as_pairs())
    return f"{path}?{query}" if query else path


# ?ordning=…: newest first unless a content type's sort is chosen (content.listing_options).
SORT_PARAM = "ordning"
NEWEST = ("nyast", gettext_lazy("Nyast först"))


# What a listing's or a search's address may hold besides its filters: the sort, the page of
# results and the search words.
LINK_PARAMS = {SORT_PARAM, "sida", "q"}
# Search words are read this far (fulltext.clean_query); no sort or page number is longer.
MAX_QUERY_LENGTH = 200


def kept_query(query):
    """The parameters of `query` (a QueryDict) that an address leading back to this page
    keeps, urlencoded: the filter values of a form the listing reads, and the sort, the page
    and the search words as far as they are read. Anything else (a typo, a campaign's id, junk,
    a thousand tags) would otherwise be repeated in every such link."""
    pairs = [
        (name, value[:MAX_QUERY_LENGTH])
        for name in sorted(LINK_PARAMS)
        for value in query.getlist(name)[:1]
    ]
    return urlencode(pairs + parse_selection(query).as_pairs())


def sorts_for(types):
    """(model, sort) for each sort offered where `types` are listed (None: every type)."""
    offered = {}
    for model in types if types is not None else content_models():
        for sort in model.listing_sorts:
            offered.setdefault(sort.value, (model, sort))
    return list(offered.values())


def sort_order(model, sort):
    """The sort's field first, pages without a value (and other types) last, then newest."""
    column = F(f"{model._meta.model_name}__{sort.field}")
    first = column.desc(nulls_last=True) if sort.descending else column.asc(nulls_last=True)
    return (first, *NEWEST_FIRST)


def chosen_sort(raw, sorts):
    """(sort value or "", ordering, message) for the requested ?ordning=."""
    raw = (raw or "").strip()
    for model, sort in sorts:
        if raw == sort.value:
            return sort.value, sort_order(model, sort), ""
    if raw and raw != NEWEST[0]:
        shown = raw[:SHOWN_VALUE_LENGTH] + ("…" if len(raw) > SHOWN_VALUE_LENGTH else "")
        message = gettext("Okänd sortering ignorerades: %(value)s") % {
            "value": f"{SORT_PARAM}={shown}"
        }
        return "", NEWEST_FIRST, message
    return "", NEWEST_FIRST, ""


def page_rows(scope, selection, ranked, offset, ordering=NEWEST_FIRST):
    """(pk, content type id) of one page of results: in `ordering`, or in search rank."""
    if ranked is None:
        rows = filtered(scope, selection).order_by(*ordering)
        return list(rows.values_list("pk", "content_type_id")[offset : offset + PAGE_SIZE])
    if selection:
        allowed = set(filtered(scope, selection).values_list("pk", flat=True))
        ranked = [pair for pair in ranked if pair[0] in allowed]
    return ranked[offset : offset + PAGE_SIZE]


def rejected_message(rejected):
    if not rejected:
        return ""
    shown = []
    for param, value in rejected[:SHOWN_VALUES]:
        if len(value) > SHOWN_VALUE_LENGTH:
            value = value[:SHOWN_VALUE_LENGTH] + "…"
        shown.append(f"{param}={value}")
    if len(rejected) > SHOWN_VALUES:
        shown.append(gettext("och %(count)s till") % {"count": len(rejected) - SHOWN_VALUES})
    return gettext("Okänt filtervärde ignorerades: %(values)s") % {"values": ", ".join(shown)}


def english_names(request):
    """{param: {slug: name}} of the terms named in the language shown where it is not the
    site's own (taxonomy.models.EnglishName: the success factors, target groups, levels and
    types of intervention): the facet counts hold the Swedish names. None in Swedish.

    Kept in the shared cache under the content version, which a saved term changes at once and
    again when its transaction commits. Unlike cached(), also inside a transaction: one query
    on every English listing the page cache does not answer is more than the names are worth,
    and a test's rolled-back terms leave with the cache cleared between tests."""
    if get_language() == settings.LANGUAGE_CODE:
        return {}
    version = content_version(request)
    key = f"discovery:english-names:{version}"
    names = cache.get(key) if version is not None else None
    if names is None:
        names = read_english_names()
        if version is not None:
            cache.set(key, names, MAX_AGE)
    return names


def read_english_names():
    """One query: the four vocabularies' English names, as a union."""
    named = [
        facet.term_model.objects.exclude(name_en="")
        .annotate(param=Value(facet.param))
        .values_list("param", "slug", "name_en")
        .order_by()  # a part of a union has no order of its own (SQLite refuses one)
        for facet in FACETS
        if facet.relation is not None and issubclass(facet.term_model, EnglishName)
    ]
    names = {}
    if not named:
        return names
    for param, slug, name in named[0].union(*named[1:], all=True):
        names.setdefault(param, {})[slug] = name
    return names


def names_language(facet):
    """The language of a facet's option names when it is not the one shown, else "": the
    categories' terms and keywords are Swedish (but for the English names english_names
    gives), and so are some filters' proper names (the counties); the types, years and other
    field filters are named in the language shown."""
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    if facet.relation is None:
        swedish = facet.field_filter is not None and facet.field_filter.swedish_names
        return settings.LANGUAGE_CODE if swedish else ""
    return settings.LANGUAGE_CODE


def name_in_language_shown(result, names):
    """Each option and active filter named in the language shown where its term has such a
    name (`names`, from english_names); the others marked with the language they are in."""
    for group in result.groups:
        local = names.get(group.facet.param, {})
        lang = names_language(group.facet)
        for option in group.options:
            if option.value in local:
                option.name = local[option.value]
            else:
                option.lang = lang
    for param, value in list(result.names):
        if value in names.get(param, {}):
            result.names[(param, value)] = names[param][value]


def listing_context(
    request, within=None, *, scope_key, hidden=(), ranked=None, keep=(), types=None
):
    """Facets, active filters and one page of results of the visible pages `within` (ids, a
    subquery or a list; None for all content).

    scope_key: what identifies `within` in the cache, e.g. ("below", index page id).
    hidden: facets the form leaves out. ranked: (pk, content type id) pairs of search hits,
    best first; without it the listing is newest first or in the chosen sort. keep: parameters
    besides the facets that links must keep, e.g. [("q", …)]. types: the content types listed
    (None: all), whose own filters and sorts are offered.
    """
    keep = list(keep)
    scope = Scope(
        hidden=hidden_pages(request), within=within, restricted=tuple(restricted_paths(request))
    )
    selection = parse_selection(request.GET)
    # A filter of one type's own (a case study's school form) is left out when the type filter
    # leaves that type out: every option would count 0. One already chosen stays, to be seen
    # and taken away.
    chosen_types = [facet_types()[value] for value in selection.values.get("typ", [])]
    shown = [
        facet
        for facet in FACETS
        if facet.param not in hidden
        and (types is None or facet.model in (None, *types))
        and (
            not chosen_types
            or facet.model in (None, *chosen_types)
            or facet.param in selection.values
        )
    ]
    sorts = sorts_for(types) if ranked is None else []
    # Search hits come in the order the search chose (its own ?ordning=, see search.views).
    if ranked is None:
        sort, ordering, sort_message = chosen_sort(request.GET.get(SORT_PARAM), sorts)
    else:
        sort, ordering, sort_message = "", NEWEST_FIRST, ""
    sort_keep = [(SORT_PARAM, sort)] if sort else []

    def memo(kind):
        return lambda key, compute: cached(request, kind, (scope_key, key), compute)

    result = count_facets(scope, selection, shown, memo=memo("facets"))
    names = english_names(request)
    name_in_language_shown(result, names)
    paginator = CountedPaginator(range(result.total), PAGE_SIZE, result.total)
    number = page_number(request.GET.get("sida"), paginator.num_pages)
    items = paginator.page(number)
    # The pages themselves are cached (pickled), not just their ids: a page of results then
    # costs no query at all.
    # Pages of hits carry their text, not their bodies: a kind of their own, so no code reads
    # the other's.
    items.object_list = memo("items" if ranked is None else "hit-items")(
        (selection.as_pairs(), number, sort),
        lambda: specific_pages(
            page_rows(scope, selection, ranked, (number - 1) * PAGE_SIZE, ordering),
            with_text=ranked is not None,
            # Search hits come from a ranking kept apart from the content version: never show
            # one that has since become a draft or restricted.
            hidden=scope.hidden if ranked is not None else None,
        ),
    )

    active = [
        ActiveFilter(
            label=FACET_LABELS[param],
            name=result.names.get((param, value), value),
            lang="" if value in names.get(param, {}) else names_language(FACETS_BY_PARAM[param]),
            remove_url=filter_url(request.path, keep + sort_keep, selection.without(param, value)),
        )
        for param, value in selection.as_pairs()
    ]
    sort_links = [
        {
            "label": label,
            "url": filter_url(
                request.path, keep + ([(SORT_PARAM, value)] if value else []), selection
            ),
            "current": value == sort,
        }
        for value, label in [("", NEWEST[1]), *((s.value, s.label) for _m, s in sorts)]
    ]
    shown_params = {facet.param for facet in shown}
    return {
        "items": items,
        "result_count": result.total,
        "facet_groups": result.groups,
        "active_filters": active,
        "clear_filters_url": filter_url(request.path, keep, Selection()),
        "filter_message": " ".join(
            message for message in (rejected_message(selection.rejected), sort_message) if message
        ),
        # Active filters of facets the form does not show, and the sort, so submitting the
        # form keeps them.
        "hidden_filters": [p for p in selection.as_pairs() if p[0] not in shown_params] + sort_keep,
        "sort_links": sort_links if sorts else [],
        "has_filters": bool(selection),
        # Several content types listed: a filter of one type's own says which.
        "several_types": types is None or len(types) > 1,
        # What the page links keep: the filters applied (not the values ignored, whose notice
        # would follow the visitor from page to page), the sort and `keep`.
        "page_query": keep + sort_keep + selection.as_pairs(),
    }


def applies_filters(request):
    """Whether the address asks for a filter that a listing applies, for a title written
    before the listing is worked out (its body may come from the cache): a value that names
    no term is ignored (facet_index.count_facets), so it filters nothing. At most one query
    per selection and content version."""
    selection = parse_selection(request.GET)
    if not selection:
        return False

    def applied(facet):
        values = selection.values[facet.param]
        if facet.relation is None:
            return True
        if facet.show_all:  # every term is offered, with pages or without
            return shown_terms(facet.term_model).filter(slug__in=values).exists()
        # Only the terms of pages a visitor may see: a keyword of a draft is none of hers.
        model, page_column, term_field = facet.link
        rows = model.objects.filter(**{f"{term_field}__slug__in": values})
        return rows.exclude(**{f"{page_column}__in": hidden_pages(request)}).exists()

    def any_applied():
        return any(applied(facet) for facet in FACETS if facet.param in selection.values)

    return cached(request, "applies-filters", selection.as_pairs(), any_applied)
