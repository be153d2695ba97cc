"""The words of the published pages, for correcting typos and finding compound words.

Built from the search index's plain text (titles and bodies of live, public content pages),
so a word a visitor cannot see is never suggested. On PostgreSQL the database counts the words
(ts_stat); on SQLite Python does. It is rebuilt once per content version (see cache.py), so a
publish is reflected on the next search, and kept in this process and in the shared cache.
"""

import bisect
import hashlib
import re
from collections import Counter

from django.core.cache import cache
from django.db import connection
from django.db.models import CharField
from django.db.models.functions import Cast

from wagtail.search.models import IndexEntry

from pluginnovation.content.models import ContentPage
from pluginnovation.content.text import without_diacritics
from pluginnovation.content.visibility import visible
from pluginnovation.discovery.cache import caching_allowed, content_version
from pluginnovation.discovery.facets import content_types

# The most frequent words are kept; rarer ones are mostly names and typos in the content.
MAX_WORDS = 50_000
LETTERS = re.compile(r"[^\W\d_]{2,40}")
# Shorter words are not corrected: too many real words are one edit apart.
MIN_CORRECTED = 5
# A query word must be this long to be looked for inside compounds, and a part this long.
MIN_PART = 4
MAX_COMPOUNDS = 20
CACHE_SECONDS = 24 * 3600


def fold(word):
    """Lower case without diacritics: "Föräldrar" -> "foraldrar"."""
    return without_diacritics(word.lower())


def edit_distance(a, b, limit):
    """Damerau–Levenshtein distance (optimal string alignment: a swap of two adjacent
    letters is one edit), or limit + 1 as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2 = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_edits(word):
    return 1 if len(word) <= 7 else 2


class Vocabulary:
    """Words and the number of pages each is on."""

    def __init__(self, frequencies):
        self.frequency = {}
        self.spellings = {}  # folded -> surface forms, most frequent first
        for word, count in sorted(frequencies.items(), key=lambda item: -item[1]):
            folded = fold(word)
            self.spellings.setdefault(folded, []).append(word)
            self.frequency[folded] = self.frequency.get(folded, 0) + count
        self.sorted = sorted(self.frequency)
        self.reversed = sorted(folded[::-1] for folded in self.frequency)
        self.buckets = {}
        for folded in self.frequency:
            self.buckets.setdefault((folded[0], len(folded)), []).append(folded)

    def __len__(self):
        return len(self.frequency)

    def known(self, word):
        return fold(word) in self.frequency

    def forms(self, word):
        """How the word is spelt in the content, diacritics included ("franvaro" ->
        ["frånvaro"])."""
        return self.spellings.get(fold(word), [])

    def surface(self, folded):
        return self.spellings[folded][0]

    def correct(self, word):
        """The likeliest word of the content within the allowed edits, or None."""
        folded = fold(word)
        if len(folded) < MIN_CORRECTED or folded in self.frequency:
            return None
        limit = allowed_edits(folded)
        best = None
        # Words with the same first letter, or with the second (the first two swapped).
        buckets = [
            (first, length)
            for first in dict.fromkeys(folded[:2])
            for length in range(len(folded) - limit, len(folded) + limit + 1)
        ]
        for bucket in buckets:
            for candidate in self.buckets.get(bucket, ()):
                distance = edit_distance(folded, candidate, limit)
                if distance <= limit:
                    rank = (distance, -self.frequency[candidate], candidate)
                    best = min(best, rank) if best else rank
        return self.surface(best[2]) if best else None

    def compounds(self, word):
        """Words of the content that begin or end with the word ("avbrott" ->
        "studieavbrott"), the most frequent first."""
        folded = fold(word)
        if len(folded) < MIN_PART:
            return []
        found = set(self._starting(self.sorted, folded))
        found.update(w[::-1] for w in self._starting(self.reversed, folded[::-1]))
        found.discard(folded)
        best = sorted(found, key=lambda w: (-self.frequency[w], w))[:MAX_COMPOUNDS]
        return [self.surface(w) for w in best]

    @staticmethod
    def _starting(words, prefix):
        start = bisect.bisect_left(words, prefix)
        end = bisect.bisect_left(words, prefix + "\U0010ffff")
        return words[start:end]

    def split(self, word):
        """The two known words a compound is made of ("närvarouppföljning" -> ("närvaro",
        "uppföljning")), also with a linking s, or None."""
        folded = fold(word)
        best = None
        for i in range(MIN_PART, len(folded) - MIN_PART + 1):
            head, tail = folded[:i], folded[i:]
            for first in (head, head[:-1] if head.endswith("s") else None):
                if first and first in self.frequency and tail in self.frequency:
                    score = min(self.frequency[first], self.frequency[tail])
                    if best is None or score > best[0]:
                        best = (score, first, tail)
        return (self.surface(best[1]), self.surface(best[2])) if best else None


def visible_entries():
    """The index entries of live, public content pages, in one query (a subquery, since
    the index stores object ids as text)."""
    ids = visible(ContentPage.objects.all()).annotate(text_id=Cast("pk", CharField()))
    return IndexEntry.objects.filter(
        content_type__in=content_types(), object_id__in=ids.values("text_id")
    )


def count_words_postgresql():
    entries = visible_entries().values("title_text", "body_text")
    sql, params = entries.query.sql_with_params()
    documents = f"SELECT to_tsvector('simple', title_text || ' ' || body_text) FROM ({sql}) AS e"
    with connection.cursor() as cursor:
        # ts_stat takes the query as text; mogrify binds the parameters safely.
        inner = cursor.mogrify(documents, params)
        if isinstance(inner, bytes):
            inner = inner.decode()
        cursor.execute(
            "SELECT word, ndoc FROM ts_stat(%s) ORDER BY ndoc DESC LIMIT %s",
            [inner, MAX_WORDS * 2],
        )
        return {word: n for word, n in cursor.fetchall() if LETTERS.fullmatch(word)}


def count_words_python():
    counts = Counter()
    for title, body in visible_entries().values_list("title", "body").iterator():
        counts.update(set(LETTERS.findall(f"{title} {body or ''}".lower())))
    return counts


def build():
    counts = count_words_postgresql() if connection.vendor == "postgresql" else count_words_python()
    top = sorted(counts.items(), key=lambda item: -item[1])[:MAX_WORDS]
    return Vocabulary(dict(top))


_memo = {}


def vocabulary(request=None):
    """The vocabulary of the current content version."""
    if not caching_allowed():
        return build()
    version = content_version(request)
    if _memo.get("version") == version:
        return _memo["vocabulary"]
    key = "discovery:vocabulary:" + hashlib.sha1(repr(version).encode()).hexdigest()
    words = cache.get(key)
    if words is None:
        words = build()
        cache.set(key, words, CACHE_SECONDS)
    _memo.update(version=version, vocabulary=words)
    return words
