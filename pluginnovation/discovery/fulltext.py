"""Full-text search over the content pages with Wagtail's search backend.

On PostgreSQL the database backend uses full-text search with the Swedish configuration, so
inflected forms find each other ("avhoppen" finds "avhopp"), and, with the pg_trgm extension
(migration 0001 of this app installs it), a trigram match on titles catches misspellings. On
SQLite the backend uses FTS5: whole words only, no stemming, no typo tolerance. Each word is
also searched by its rough stem (swedish.py). See docs/search.md.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import BooleanField, F, Func, Q, Value
from django.utils.translation import gettext, gettext_lazy

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from pluginnovation.content.models import ContentPage
from pluginnovation.content.visibility import restricted
from pluginnovation.discovery import cache as discovery_cache
from pluginnovation.discovery import rankings
from pluginnovation.discovery.facets import content_types
from pluginnovation.discovery.listing import MAX_QUERY_LENGTH, restricted_paths
from pluginnovation.discovery.rankings import MAX_HITS
from pluginnovation.discovery.swedish import STOP_WORDS, stem
from pluginnovation.discovery.synonyms import group, synonym_map
from pluginnovation.discovery.vocabulary import vocabulary

MAX_WORDS = 10
WORD = re.compile(r"\w+")
# Unicode categories nobody types on purpose: control, format (bidi overrides, zero widths,
# the soft hyphen), surrogates, private use, unassigned. Format characters sit inside words:
# a query leaves them out; the others become spaces.
INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}
FORMAT = "Cf"


def clean_query(raw):
    """The visitor's query made safe to use and show: (text, message or "").

    Letters typed as a letter and a combining accent ("a" + "¨") become the one letter the
    content has ("ä"). Control and invisible characters become spaces and format characters
    are left out, runs of white space become one space, and the text is cut at
    MAX_QUERY_LENGTH characters, at a word boundary when there is one.
    """
    text = unicodedata.normalize("NFC", raw or "")
    text = "".join(
        "" if category == FORMAT else " " if category in INVISIBLE else c
        for c in text
        for category in (unicodedata.category(c),)
    )
    text = " ".join(text.split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, ""
    cut = text[:MAX_QUERY_LENGTH]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    message = gettext(
        "Sökfrågan var för lång och har kortats till de första %(count)s tecknen."
    ) % {"count": len(cut)}
    return cut, message


def all_words(text):
    """The words of a query in lower case. Lower case can leave an accent no letter takes
    ("İ" becomes "i" and a dot above): it is dropped rather than splitting the word."""
    lower = unicodedata.normalize("NFC", text.lower())
    return WORD.findall("".join(c for c in lower if not unicodedata.combining(c)))


def search_words(text):
    """The distinct words to search for, at most MAX_WORDS: each word becomes up to two dozen
    alternatives (compounds, spellings, a correction), and a longer query would take seconds.
    Punctuation is dropped, so nothing in a query can reach the backend's query syntax (quotes,
    operators, parentheses)."""
    return list(dict.fromkeys(all_words(text)))[:MAX_WORDS]


def words_left_out(text):
    """How many distinct words of the query search_words() leaves out."""
    return max(0, len(set(all_words(text))) - MAX_WORDS)


@functools.cache
def trigram_available():
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def searchable_pages(request=None):
    """Live, public content pages, filtered the way the search backend understands (it
    accepts only filters on fields declared in search_fields, so no subqueries): the pages at
    or below a view restriction left out by path, as Wagtail's .public() does.

    With a request, the restricted paths are those its listing hides, kept for its content
    version: what is found is kept under that version too. Without one they are read now:
    rankings.best keeps a ranking under the versions of its buckets of pages, read when it is
    called, so the restrictions must be at least as new as those."""
    if request is None:
        return ContentPage.objects.live().public().only("pk", "content_type_id")
    hidden = Q()
    for path in restricted_paths(request):
        hidden |= Q(path__startswith=path)
    return ContentPage.objects.live().exclude(hidden).only("pk", "content_type_id")


def ranked(query, pages, request=None):
    """(pk, content type id) of the best MAX_HITS matches among `pages` (searchable_pages()),
    best first. On PostgreSQL, outside a transaction, kept per bucket of pages
    (discovery.rankings), which asks for the searchable pages again itself."""
    if connection.vendor == "postgresql" and discovery_cache.caching_allowed():
        return rankings.best(query, searchable_pages, request)
    results = get_search_backend().search(query, pages)
    return [(page.pk, page.content_type_id) for page in results[:MAX_HITS]]


# How the hits were found when not all words matched exactly, and what the visitor is told.
FALLBACK_MESSAGES = {
    "fuzzy": gettext_lazy(
        "Inga sidor innehöll exakt det du sökte efter. Här är träffar med liknande stavning."
    ),
    "any": gettext_lazy(
        "Inga sidor innehöll alla orden. Här är sidor som innehåller något av dem."
    ),
}


# A compound's part brings its most frequent compounds only: with all twenty, a query of a few
# compounds grew to hundreds of terms.
PART_COMPOUNDS = 5


def alternatives(word, words, fixes, compounds=True, synonyms=None, most=None):
    """What a query word may match: itself, its rough stem ("mentorerna" -> "mentor"), its
    spellings in the content ("franvaro" -> "frånvaro", for SQLite), the compounds of the
    content that begin or end with it ("avbrott" -> "studieavbrott"), its other spelling in
    `fixes` (find() searches a correction, "mentorer", with the word as typed, "mentroer") and,
    for a compound, its two parts together, each as it would be searched alone, synonyms
    included (so "närvarouppföljning" finds what "närvaro uppföljning" finds, with each part's
    PART_COMPOUNDS most frequent compounds; a part is not split again: `synonyms` is None
    there). `most` bounds the compounds (None: all that vocabulary.compounds gives). The other
    spelling matches all that too. Without `compounds`, neither compounds nor parts: for the
    any-word fallback, where ten words with twenty compounds each took over a second at
    10,000 pages."""
    fix = fixes.get(word)
    found = {}
    queries = []
    for text in [word] + ([fix] if fix else []):
        found.update(dict.fromkeys([text, stem(text), *words.forms(text)[:3]]))
        if compounds:
            found.update(dict.fromkeys(words.compounds(text)[:most]))
            split = words.split(text) if synonyms is not None else None
            if split:
                units = group(split, synonyms)
                queries.append(And([unit_query(u, words, {}, most=PART_COMPOUNDS) for u in units]))
    queries = [PlainText(text) for text in found] + queries
    return queries[0] if len(queries) == 1 else Or(queries)


def phrase_query(phrase, words, fixes, **options):
    queries = [alternatives(word, words, fixes, **options) for word in phrase]
    return queries[0] if len(queries) == 1 else And(queries)


def unit_query(unit, words, fixes, **options):
    """A query word (or phrase with synonyms), OR each of its synonyms' phrases, which find
    what they would find searched for themselves (their forms and compounds: "närvaro" with
    "frånvaro" finds "frånvarouppföljning"). The editors' words are never corrected."""
    phrase, equivalents = unit
    queries = [phrase_query(phrase, words, fixes, **options)]
    queries += [phrase_query(other, words, {}, **options) for other in equivalents]
    return queries[0] if len(queries) == 1 else Or(queries)


def all_units(units, words, fixes, synonyms):
    queries = [unit_query(unit, words, fixes, synonyms=synonyms) for unit in units]
    return queries[0] if len(queries) == 1 else And(queries)


def any_unit(units, words, fixes):
    return Or([unit_query(unit, words, fixes, compounds=False) for unit in units])


class SpeltLikeAWordOf(Func):
    """`text %> query`: the query is spelt like some word of the text (pg_trgm's word
    similarity above its threshold, 0.6). An operator, so the trigram index can serve it."""

    arg_joiner = " %%> "
    template = "%(expressions)s"
    output_field = BooleanField()


def similar_titles(words, pages):
    """Pages with a title word spelt like the query, most similar first (PostgreSQL only).

    Wagtail's Fuzzy() query compares the query with titles *and* body texts, which took two to
    three seconds at 10,000 pages (see docs/search.md); titles alone take milliseconds.
    """
    text = " ".join(words)
    entries = (
        IndexEntry.objects.filter(
            SpeltLikeAWordOf(F("title_text"), Value(text)), content_type__in=content_types()
        )
        .annotate(similarity=TrigramWordSimilarity(Value(text), "title_text"))
        .order_by("-similarity", "object_id")
        .values_list("object_id", flat=True)[:MAX_HITS]
    )
    ids = [int(object_id) for object_id in entries]
    visible = dict(pages.filter(pk__in=ids).values_list("pk", "content_type_id"))
    return [(pk, visible[pk]) for pk in ids if pk in visible]


def corrections(units, words):
    """{query word: its likeliest word of the content} for the words that are not words of
    the content, even uninflected. Words with synonyms are left alone."""
    fixes = {}
    for phrase, equivalents in units:
        for word in phrase:
            if not (equivalents or words.known(word) or words.known(stem(word))):
                fix = words.correct(word)
                if fix:
                    fixes[word] = fix
    return fixes


@dataclass
class Found:
    hits: list  # (pk, content type id), best first
    fallback: str = ""  # how they were found: a FALLBACK_MESSAGES key, "corrected" or ""
    suggestion: str = ""  # "Menade du: …?"


def find(query_words, request=None):
    """Search for all the words, each with its synonyms, spellings, compounds and, for a word
    the content does not have, its correction (one query, as a search engine's fuzziness
    would); if nothing, a similar title (PostgreSQL with pg_trgm); then any of the words."""
    words = vocabulary(request)
    synonyms = synonym_map()
    units = group(query_words, synonyms)
    fixes = corrections(units, words)
    suggestion = " ".join(fixes.get(word, word) for word in query_words) if fixes else ""
    if fixes:
        # The page says it shows the corrections' hits: the corrected words are searched as
        # they would be typed, with their own synonyms ("narvarro" -> "närvaro", "frånvaro"),
        # each with the word as typed beside it: the vocabulary keeps the most frequent words
        # only (MAX_WORDS), so a rare word on a page may be "unknown" and still be found.
        units = group(suggestion.split(), synonyms)
        fixes = {fix: typed for typed, fix in fixes.items()}
    pages = searchable_pages(request)
    hits = ranked(all_units(units, words, fixes, synonyms), pages, request)
    if hits:
        # The corrected words are not on any page: the hits are for the corrections.
        return Found(hits, "corrected" if fixes else "", suggestion)
    if trigram_available():
        hits = similar_titles(query_words, pages)
        if hits:
            return Found(hits, "fuzzy", suggestion)
    telling = [unit for unit in units if unit[1] or unit[0][0] not in STOP_WORDS]
    if len(units) > 1 and telling:
        hits = ranked(any_unit(telling, words, fixes), pages, request)
        if hits:
            return Found(hits, "any", suggestion)
    return Found([], "", suggestion)


def newest_first(hits):
    """The hits ordered by publication date, newest first."""
    dates = dict(
        ContentPage.objects.filter(pk__in=[pk for pk, _type in hits]).values_list(
            "pk", "published_date"
        )
    )
    return sorted(hits, key=lambda hit: (dates.get(hit[0]) or date.min, hit[0]), reverse=True)


def promotions(text, request=None):
    """The editors' promoted results for this query: pages a visitor may see (live, not behind
    a view restriction) and external links. Kept per content version (a promotion saved
    renews it): checking the pages' view restrictions took 4 ms of every search."""
    query_string = normalise_query_string(text)

    def read():
        picks = SearchPromotion.objects.filter(query__query_string=query_string).filter(
            Q(page__isnull=True, external_link_url__gt="")
            | Q(page__live=True, page__in=Page.objects.exclude(restricted()))
        )
        return list(picks.select_related("page"))

    return discovery_cache.cached(request, "promotions", query_string, read)
