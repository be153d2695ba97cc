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

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import BooleanField, F, Func, Q, Value
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from pluginnovation.content.models import ContentPage
from pluginnovation.content.visibility import restricted
from pluginnovation.discovery.facets import content_types
from pluginnovation.discovery.swedish import stem

MAX_QUERY_LENGTH = 200
# Enough for facet counts to be meaningful; more are rarely looked at and cost time.
MAX_HITS = 500
WORD = re.compile(r"\w+")
# Unicode categories nobody types on purpose: control, format (bidi overrides, zero widths),
# surrogates, private use, unassigned.
INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean_query(raw):
    """The visitor's query made safe to use and show: (text, message or "").

    Control and invisible characters become spaces, runs of white space one space, and the
    text is cut at MAX_QUERY_LENGTH characters, at a word boundary when there is one.
    """
    text = "".join(" " if unicodedata.category(c) in INVISIBLE else c for c in raw or "")
    text = " ".join(text.split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, ""
    cut = text[:MAX_QUERY_LENGTH]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    message = f"Sökfrågan var för lång och har kortats till de första {len(cut)} tecknen."
    return cut, message


def search_words(text):
    """The words to search for. Punctuation is dropped, so nothing in a query can reach the
    backend's query syntax (quotes, operators, parentheses)."""
    return WORD.findall(text.lower())


@functools.cache
def trigram_available():
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def searchable_pages():
    """Live, public content pages, filtered the way the search backend understands (it
    accepts only filters on fields declared in search_fields, so no subqueries)."""
    return ContentPage.objects.live().public().only("pk", "content_type_id")


def ranked(query, pages):
    """(pk, content type id) of the best MAX_HITS matches among `pages`, best first."""
    results = get_search_backend().search(query, pages)
    return [(page.pk, page.content_type_id) for page in results[:MAX_HITS]]


# How the hits were found when not all words matched exactly, and what the visitor is told.
FALLBACK_MESSAGES = {
    "fuzzy": "Inga sidor innehöll exakt det du sökte efter. Här är träffar med liknande stavning.",
    "any": "Inga sidor innehöll alla orden. Här är sidor som innehåller något av dem.",
}


def word_query(word):
    """The word, or its rough stem: "mentorerna" also finds "mentor"."""
    base = stem(word)
    return PlainText(word) if base == word else Or([PlainText(word), PlainText(base)])


def all_words(words):
    queries = [word_query(word) for word in words]
    return queries[0] if len(queries) == 1 else And(queries)


def any_word(words):
    return Or([word_query(word) for word in words])


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


def find(words):
    """Search for the words: all of them; if nothing, a similar spelling (PostgreSQL with
    pg_trgm); if still nothing, any of them. Returns (ranked pairs, fallback key or "")."""
    # Built once: .public() reads the view restrictions when it is called.
    pages = searchable_pages()
    hits = ranked(all_words(words), pages)
    if hits:
        return hits, ""
    if trigram_available():
        hits = similar_titles(words, pages)
        if hits:
            return hits, "fuzzy"
    if len(words) > 1:
        hits = ranked(any_word(words), pages)
        if hits:
            return hits, "any"
    return [], ""


def record_search(text):
    """Count one search for the editors' report of popular queries (search promotions)."""
    if normalise_query_string(text):
        Query.get(text).add_hit(date=timezone.localdate())


def promotions(text):
    """The editors' promoted results for this query: pages a visitor may see (live, not behind
    a view restriction) and external links."""
    picks = SearchPromotion.objects.filter(query__query_string=normalise_query_string(text)).filter(
        Q(page__isnull=True, external_link_url__gt="")
        | Q(page__live=True, page__in=Page.objects.exclude(restricted()))
    )
    return list(picks.select_related("page"))
