"""Filters a search names: the terms of the categories (success factors, projects, regions,
municipalities, target groups, levels, types of intervention, keywords) whose name the search
words spell out, so the search page can offer the filter that gathers that content.

Full text finds the words in the pages' text, which is Swedish: "preventive" or "newly arrived
students", the English names of terms, are in no page's text, and "nyanlända" finds pages that
say so but not every page an editor filed under the target group. A term is offered when

- its whole name is among the search words ("samverkan", "göteborg mentorskap"), or
- every search word (of four letters or more) begins a word of its name ("nyanl", "preventiv"),

by its Swedish name or its English one, whatever the case and accents. Only terms that a
visible page is filed under are offered: a filter with no content helps no one.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Value
from django.utils.translation import get_language

from pluginnovation.content.categories import CATEGORIES
from pluginnovation.content.models import ContentPage
from pluginnovation.content.text import without_diacritics
from pluginnovation.content.visibility import visible
from pluginnovation.discovery.cache import cached, caching_allowed
from pluginnovation.discovery.facets import FACETS_BY_PARAM
from pluginnovation.discovery.fulltext import all_words
from pluginnovation.discovery.listing import names_language
from pluginnovation.taxonomy.models import EnglishName

MAX_TERMS = 4
# Shorter words begin too many names ("och", "ung") to be taken as the start of one.
MIN_PREFIX = 4


def name_words(text):
    """The words of a name in lower case, as a search reads them (fulltext.all_words:
    "nyanlända", "elever") and without accents ("nyanlanda", "elever")."""
    words = tuple(all_words(text))
    return words, tuple(without_diacritics(word) for word in words)


@dataclass(frozen=True)
class NamedTerm:
    param: str
    slug: str
    name: str
    name_en: str
    # name_words() of each name, worked out when the terms are read (current_terms).
    words: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]


def read_terms():
    """Every term of the categories that a visible page is filed under: one query."""
    pages = visible(ContentPage.objects.all())
    parts = []
    for category in CATEGORIES:
        field = ContentPage._meta.get_field(category.field)
        model = field.related_model
        english = F("name_en") if issubclass(model, EnglishName) else Value("")
        parts.append(
            model.objects.filter(pk__in=pages.values(category.field))
            .annotate(param=Value(category.param), english=english)
            .values_list("param", "slug", "name", "english")
            .order_by()  # a part of a union has no order of its own (SQLite refuses one)
        )
    rows = parts[0].union(*parts[1:], all=True)
    return [
        NamedTerm(param, slug, name, name_en, tuple(name_words(n) for n in (name, name_en) if n))
        for param, slug, name, name_en in rows
    ]


# The terms are read at most this often, not once per content version: reading them takes
# 30–40 ms at 10,000 pages, which the first search after every publish would pay. A term newly
# filed under a page is offered within this time; one whose last page went leads to a listing
# that says it has nothing.
TERMS_SECONDS = 10 * 60
TERMS_KEY = "discovery:search-terms"


def current_terms():
    """read_terms(), shared by every process through the cache for TERMS_SECONDS; read anew
    inside a transaction, where the discovery cache keeps nothing."""
    if not caching_allowed():
        return read_terms()
    terms = cache.get(TERMS_KEY)
    if terms is None:
        terms = read_terms()
        cache.set(TERMS_KEY, terms, TERMS_SECONDS)
    return terms


def rank(term, typed, query):
    """0 when a name of the term is among the query's words, 1 when the query begins its
    words, None when it does not match. typed: the query's words as typed; query: without
    accents."""
    best = None
    for exact, words in term.words:
        if exact and all(word in typed for word in exact):
            return 0
        # Without its accents a short name ("Åre", "Ale") is too often a word of its own
        # ("are"): it must be typed as it is spelt.
        if sum(map(len, words)) >= MIN_PREFIX and all(word in query for word in words):
            return 0
        if all(
            len(word) >= MIN_PREFIX and any(part.startswith(word) for part in words)
            for word in query
        ):
            best = 1
    return best


def matching_terms(words, terms):
    """The terms the search words name, best first: whole names, then shorter names."""
    typed = tuple(words)
    query = tuple(without_diacritics(word) for word in typed)
    if not query:
        return []
    ranked = []
    for term in terms:
        found = rank(term, typed, query)
        if found is not None:
            ranked.append((found, len(term.name), term.name, term))
    ranked.sort(key=lambda entry: entry[:3])
    return [term for *_key, term in ranked[:MAX_TERMS]]


@dataclass(frozen=True)
class TermFilter:
    param: str
    slug: str
    label: str
    name: str
    # The name's language where it is not the one shown, else "".
    lang: str
    # The search is this name and nothing else ("individual level").
    whole: bool


def is_whole_query(term, words):
    """Whether the search words are exactly the words of one of the term's names."""
    query = {without_diacritics(word) for word in words}
    return any(set(folded_words) == query for _typed, folded_words in term.words)


def term_filters(request, words, selection):
    """The filters the search words name, in the language shown, leaving out those already
    chosen (selection: pluginnovation.discovery.facets.Selection). Kept per content version
    and words."""
    # The terms are read only when the matches are not kept already: most searches need not
    # unpickle them at all.
    matches = cached(
        request,
        "search-term-matches",
        tuple(words),
        lambda: matching_terms(words, current_terms()),
    )
    english = get_language() != settings.LANGUAGE_CODE
    chosen = set(selection.as_pairs())
    found = []
    for term in matches:
        if (term.param, term.slug) in chosen:
            continue
        facet = FACETS_BY_PARAM[term.param]
        in_english = english and term.name_en
        found.append(
            TermFilter(
                param=term.param,
                slug=term.slug,
                label=str(facet.label),
                name=term.name_en if in_english else term.name,
                lang="" if in_english else names_language(facet),
                whole=is_whole_query(term, words),
            )
        )
    return found
