"""The success-factor pages, the explore listing and the search page."""

from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, gettext, gettext_lazy, ngettext

from pluginnovation.delivery.policy import MESSAGES_COOKIE
from pluginnovation.discovery import fragments, fulltext, search_counts
from pluginnovation.discovery.cache import cached
from pluginnovation.discovery.excerpts import excerpt, page_text
from pluginnovation.discovery.facets import PARAMS, content_models, parse_selection, type_values
from pluginnovation.discovery.listing import (
    listing_context,
    requested_page_number,
    specific_pages,
    visible_pages,
)
from pluginnovation.discovery.term_search import term_filters
from pluginnovation.http_methods import require_safe
from pluginnovation.search.other_pages import other_pages
from pluginnovation.taxonomy.models import SuccessFactor

# How many of the newest pages of each type a factor page shows.
FACTOR_PAGE_ITEMS = 3


def success_factors(request):
    """The four success factors in their order, read once per content version (editing one
    is a new version): every factor page, the factor list and an empty search show them."""
    return cached(request, "success-factors", None, lambda: list(SuccessFactor.objects.all()))


def factor_counts(request):
    """{factor id: {typ value: count}} for every factor, in one query."""
    types = type_values()
    counts = {}
    rows = (
        visible_pages(request)
        .order_by()
        .values("factors", "content_type_id")
        .annotate(n=Count("pk", distinct=True))
    )
    for row in rows:
        typ = types.get(str(row["content_type_id"]))
        if row["factors"] is not None and typ:
            counts.setdefault(row["factors"], {})[typ] = row["n"]
    return counts


def swedish_fallbacks(factor):
    """{field: "sv"} for the factor's texts shown in Swedish on a page in another language (no
    English wording written yet), for their lang attribute; {} on the Swedish pages."""
    if get_language() == settings.LANGUAGE_CODE:
        return {}
    return {
        field: settings.LANGUAGE_CODE
        for field in ("name", "definition", "explanation")
        if getattr(factor, field) and not getattr(factor, f"{field}_en")
    }


@require_safe
def factor_list(request):
    context = {"meta_title": gettext("Framgångsfaktorer"), "shared_body": True}
    if fragments.ready(request, "body"):
        return render(request, "search/factor_list.html", context)
    factors = success_factors(request)
    counts = cached(request, "factor-counts", None, lambda: factor_counts(request))
    for factor in factors:
        factor.fallback = swedish_fallbacks(factor)
        factor.counts = [
            (model.listing_heading, counts.get(factor.pk, {}).get(model.listing_type, 0))
            for model in content_models()
        ]
    context["factors"] = factors
    return render(request, "search/factor_list.html", context)


def newest_by_type(factor, request):
    """The newest FACTOR_PAGE_ITEMS pages of each type for a factor, and each type's total,
    in one query (a window function numbers the rows within each type)."""
    window = {"partition_by": F("content_type_id")}
    newest_first = [F("published_date").desc(), F("pk").desc()]
    rows = (
        visible_pages(request)
        .filter(factors=factor)
        .annotate(
            row=Window(RowNumber(), order_by=newest_first, **window),
            total=Window(Count("pk"), **window),
        )
        .filter(row__lte=FACTOR_PAGE_ITEMS)
        .order_by("content_type_id", "row")
        .values_list("pk", "content_type_id", "total")
    )
    return list(rows)


def newest_pages(factor, request):
    rows = newest_by_type(factor, request)
    return rows, specific_pages([(pk, type_id) for pk, type_id, _total in rows])


def type_noun(model, count):
    """A content type's noun for `count` pages ("fallstudie", "fallstudier") in the language
    shown. The Swedish nouns are the models' own names, the English ones in the catalogue."""
    return ngettext(str(model._meta.verbose_name), str(model._meta.verbose_name_plural), count)


@require_safe
def factor_detail(request, slug):
    factors = success_factors(request)
    factor = next((factor for factor in factors if factor.slug == slug), None)
    if factor is None:
        raise Http404
    if fragments.ready(request, "body"):
        context = {"factor": factor, "fallback": swedish_fallbacks(factor), "shared_body": True}
        return render(request, "search/factor_detail.html", context)
    rows, pages = cached(request, "factor-newest", factor.pk, lambda: newest_pages(factor, request))
    types = type_values()
    groups = []
    explore = reverse("explore")
    for model in content_models():
        typ = model.listing_type
        type_rows = [row for row in rows if types.get(str(row[1])) == typ]
        total = type_rows[0][2] if type_rows else 0
        ids = {row[0] for row in type_rows}
        groups.append(
            {
                "typ": typ,
                "heading": model.listing_heading,
                "total": total,
                "noun": type_noun(model, total),
                "items": [page for page in pages if page.pk in ids],
                "url": f"{explore}?{urlencode({'faktor': factor.slug, 'typ': typ})}",
            }
        )
    context = {
        "factor": factor,
        "fallback": swedish_fallbacks(factor),
        "groups": groups,
        "explore_url": f"{explore}?{urlencode({'faktor': factor.slug})}",
        "other_factors": [other for other in factors if other.pk != factor.pk],
        "shared_body": True,
    }
    return render(request, "search/factor_detail.html", context)


@require_safe
def explore(request):
    context = {"meta_title": gettext("Utforska allt innehåll"), "shared_body": True}
    # A later page's title names the page shown, which only the listing knows.
    later_page = (requested_page_number(request.GET.get("sida")) or 1) > 1
    if later_page or not fragments.ready(request, "body"):
        context.update(listing_context(request, scope_key=("all",)))
    return render(request, "search/explore.html", context)


# ?ordning=… on /sok/: the search's own orders, relevance first (the default).
SEARCH_ORDERS = [("relevans", gettext_lazy("Relevans")), ("nyast", gettext_lazy("Nyast först"))]


def search_order(raw):
    """(order, message) for the requested ?ordning=."""
    raw = (raw or "").strip()
    if raw in dict(SEARCH_ORDERS):
        return raw, ""
    message = gettext("Okänd sortering ignorerades: %(value)s") % {"value": f"ordning={raw[:40]}"}
    message = message if raw else ""
    return SEARCH_ORDERS[0][0], message


def search_url(request, **changes):
    """This search's address with `changes` (an empty value removes the parameter), from the
    first page. Every value of a repeated filter is kept."""
    params = [
        (key, value)
        for key, values in request.GET.lists()
        if key != "sida" and key not in changes
        for value in values
    ]
    params += [(key, value) for key, value in changes.items() if value]
    return f"{reverse('search')}?{urlencode(params)}"


@require_safe
def search(request):
    query, message = fulltext.clean_query(request.GET.get("q", ""))
    words = fulltext.search_words(query)
    context = {
        "query": query,
        "messages": [message] if message else [],
        "meta_title": gettext("Sök"),
        "shared_body": True,
        # No page of results until there are hits (discovery_tags.shown_page_number).
        "items": None,
    }
    first_page = (requested_page_number(request.GET.get("sida")) or 1) == 1
    # Paging through the results, or narrowing them with a filter, is not a new search; nor is
    # coming back with a message waiting (from saving a hit without JavaScript).
    counted = (
        words
        and first_page
        and not any(request.GET.get(param) for param in PARAMS)
        and not request.COOKIES.get(MESSAGES_COOKIE)
    )
    # A later page's title names the page shown, which only the listing knows.
    if first_page and fragments.ready(request, "body"):
        if counted:
            search_counts.record_search(query)
            return counted_search(render(request, "search/search_results.html", context), query)
        return render(request, "search/search_results.html", context)
    if fulltext.words_left_out(query):
        context["messages"].append(
            gettext("Sökningen använder de %(count)s första orden i sökfrågan.")
            % {"count": fulltext.MAX_WORDS}
        )
    if not words:
        if query:
            context["messages"].append(gettext("Sökfrågan innehöll inga ord att söka efter."))
        context["factors"] = success_factors(request)
        return render(request, "search/search_results.html", context)

    order, order_message = search_order(request.GET.get("ordning"))
    found = cached(request, "search", words, lambda: fulltext.find(words, request))
    hits = found.hits
    if order == "nyast" and hits:
        hits = cached(request, "search-newest", words, lambda: fulltext.newest_first(hits))
    named = term_filters(request, words, parse_selection(request.GET))
    if first_page:  # offered once, with the first page
        context["term_filters"] = [
            {**vars(term), "url": f"{reverse('explore')}?{urlencode({term.param: term.slug})}"}
            for term in named
        ]
    used = found.fallback == "corrected"
    # A search that is a filter's name ("individual level") is not misspelt Swedish: the
    # filter is offered, not a correction, unless the hits shown are the correction's.
    if found.suggestion and (used or not any(term.whole for term in named)):
        context["suggestion"] = {
            "text": found.suggestion,
            "url": search_url(request, q=found.suggestion, ordning=request.GET.get("ordning")),
            "used": used,
        }
    if found.fallback in fulltext.FALLBACK_MESSAGES:
        context["messages"].append(str(fulltext.FALLBACK_MESSAGES[found.fallback]))
    if first_page:
        context["promotions"] = fulltext.promotions(query, request)
    if counted:
        search_counts.record_search(query)

    if hits:
        within = [pk for pk, _type in hits]
        keep = [("q", query)] + ([("ordning", order)] if order != "relevans" else [])
        context.update(
            listing_context(
                request, within, scope_key=("hits", words, order), ranked=hits, keep=keep
            )
        )
        # The corrected words are what the hits contain, so they are marked too.
        marked = list(dict.fromkeys(words + found.suggestion.split()))
        for item in context["items"]:
            # A page of hits cached by an older worker during a deploy has no search_text.
            text = getattr(item, "search_text", None)
            item.excerpt = excerpt(page_text(item) if text is None else text, marked)
        context["hidden_filters"] += keep[1:]
        context["sort_links"] = [
            {
                "label": label,
                "url": search_url(request, ordning=value if value != "relevans" else ""),
                "current": value == order,
            }
            for value, label in SEARCH_ORDERS
        ]
        context["filter_message"] = " ".join(
            text for text in (context["filter_message"], order_message) if text
        )
    if not context.get("result_count"):
        context["factors"] = success_factors(request)
        # Not on any content page: perhaps on a news item, event or project.
        context["other_pages"] = other_pages(words, request)
    response = render(request, "search/search_results.html", context)
    return counted_search(response, query) if counted else response


def counted_search(response, query):
    """A new search is counted for the editors' report also when the page cache answers it
    (pluginnovation.delivery.pagecache runs on_cache_hit on every hit); a CDN may not keep it,
    since it would answer without counting."""
    response.on_cache_hit = ("pluginnovation.discovery.search_counts.record_search", (query,))
    patch_cache_control(response, s_maxage=0)
    return response
