"""The words of the published pages, for correcting typos and finding compound words.

Built from the search index's plain text (titles and bodies of live, public content pages),
so a word a visitor cannot see is never suggested. On PostgreSQL the database counts the words
(ts_stat); on SQLite Python does. A publish is reflected on the next search: on SQLite it is
built anew for each content version (see cache.py) and kept in this process and in the shared
cache; on PostgreSQL each process updates its own from per-bucket counts in the shared cache,
counting again only the buckets whose pages changed (see bucketed_entries).
"""

import bisect
import hashlib
import re
import time
from collections import Counter

from django.core.cache import cache
from django.db import connection
from django.db.models import CharField, Count, Sum
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from wagtail.search.models import IndexEntry

from pluginnovation.content.models import ContentPage
from pluginnovation.content.text import fold
from pluginnovation.content.visibility import visible
from pluginnovation.discovery import buckets
from pluginnovation.discovery.cache import MAX_AGE, caching_allowed, content_version
from pluginnovation.discovery.facets import content_types
from pluginnovation.discovery.listing import hidden_pages

# The most frequent words are kept; rarer ones are mostly names and typos in the content.
MAX_WORDS = 50_000
LETTERS = re.compile(r"[^\W\d_]{2,40}")
# Shorter words are not corrected: too many real words are one edit apart.
MIN_CORRECTED = 5
# A query word must be this long to be looked for inside compounds, and a part this long.
MIN_PART = 4
MAX_COMPOUNDS = 20
CACHE_SECONDS = 24 * 3600


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
        for word, count in sorted(frequencies.items(), key=lambda item: (-item[1], item[0])):
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

    def update(self, totals, words):
        """Take the new page counts (`totals`, {word: pages}) of `words`; a word on no page is
        dropped. For the few words a publish changes, instead of building everything anew."""
        by_folded = {}
        for word in words:
            by_folded.setdefault(fold(word), set()).add(word)
        for folded, changed in by_folded.items():
            forms = list(dict.fromkeys([*self.spellings.get(folded, []), *changed]))
            forms = [w for w in forms if totals.get(w, 0) > 0]
            forms.sort(key=lambda w: (-totals[w], w))
            if forms:
                if folded not in self.frequency:
                    bisect.insort(self.sorted, folded)
                    bisect.insort(self.reversed, folded[::-1])
                    self.buckets.setdefault((folded[0], len(folded)), []).append(folded)
                self.spellings[folded] = forms
                self.frequency[folded] = sum(totals[w] for w in forms)
            elif folded in self.frequency:
                del self.frequency[folded], self.spellings[folded]
                self.sorted.remove(folded)
                self.reversed.remove(folded[::-1])
                self.buckets[(folded[0], len(folded))].remove(folded)

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


# On PostgreSQL the words are counted per bucket of pages (the rankings' buckets of page ids,
# pluginnovation.discovery.buckets), and each bucket's counts are kept in the shared cache under
# a fingerprint of its rows (the visible pages' ids and the row versions of their index entries,
# PostgreSQL's xmin). After a publish only the buckets whose version changed are fingerprinted
# again, and those whose fingerprint changed are counted again: a few dozen pages instead of all
# of them (4 s at 10,000 pages under load), so the next search still knows the new words. Every
# bucket is fingerprinted (one query that reads no text, about 10 ms at 10,000 pages) when
# every bucket's version changed (a view restriction, a move) and at least every MAX_AGE, which
# also finds a change made without signals.


def bucketed_entries(numbers=None, request=None):
    """The visible pages' index entries with their bucket and fingerprint, of the buckets
    `numbers` (all if None). Visible as in the listings: not among the hidden pages (drafts and
    restricted subtrees, few, found by index), which is cheaper than joining every page."""
    table = connection.ops.quote_name(IndexEntry._meta.db_table)
    hidden = hidden_pages(request).annotate(text_id=Cast("pk", CharField())).values("text_id")
    entries = IndexEntry.objects.filter(content_type__in=content_types()).exclude(
        object_id__in=hidden
    )
    if numbers is not None:
        # Through the pages' ids, so that PostgreSQL finds the entries by index.
        pages = ContentPage.objects.filter(buckets.within(numbers, buckets.SMALL_SIZE))
        pages = pages.annotate(text_id=Cast("pk", CharField()))
        entries = entries.filter(object_id__in=pages.values("text_id"))
    return entries.annotate(
        bucket=RawSQL(f"CAST({table}.object_id AS bigint) / %s", (buckets.SMALL_SIZE,)),
        row_print=RawSQL(f"hashtext({table}.object_id || ':' || {table}.xmin::text)", ()),
    )


def fingerprints(numbers=None, request=None):
    """{bucket: (pages, fingerprint)} of the visible index entries of the buckets `numbers`
    (all if None), in one query that reads no text."""
    rows = (
        bucketed_entries(numbers, request)
        .order_by()
        .values("bucket")
        .annotate(n=Count("pk"), h=Sum("row_print"))
        .values_list("bucket", "n", "h")
    )
    return {bucket: (n, int(h)) for bucket, n, h in rows}


def count_buckets_postgresql(numbers):
    """{bucket: {word: pages}} for the given buckets, in one query."""
    entries = bucketed_entries(numbers).values("bucket", "title_text", "body_text")
    sql, params = entries.query.sql_with_params()
    counts = {number: {} for number in numbers}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.bucket, w.lexeme, COUNT(*) FROM "
            f"({sql}) AS e, unnest(to_tsvector('simple', e.title_text || ' ' || e.body_text)) w "
            "GROUP BY e.bucket, w.lexeme",
            params,
        )
        for bucket, word, n in cursor.fetchall():
            if LETTERS.fullmatch(word):
                counts[bucket][word] = n
    return counts


def bucket_key(bucket, fingerprint):
    size = buckets.SMALL_SIZE
    return f"discovery:vocabulary-bucket:{size}:{bucket}:{fingerprint[0]}:{fingerprint[1]}"


def bucket_counts(prints, numbers):
    """{bucket: {word: pages}} from the shared cache, counting the missing ones."""
    keys = {number: bucket_key(number, prints[number]) for number in numbers}
    found = cache.get_many(list(keys.values()))
    counts = {number: found[key] for number, key in keys.items() if key in found}
    missing = [number for number in numbers if number not in counts]
    if missing:
        made = count_buckets_postgresql(missing)
        cache.set_many({keys[number]: made[number] for number in missing}, CACHE_SECONDS)
        counts.update(made)
    return counts


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


class Words:
    """This process's vocabulary on PostgreSQL, kept up to date bucket by bucket."""

    def __init__(self):
        self.all_version = None  # buckets.all_version() when last seen
        self.bucket_versions = None  # the buckets' versions when last seen
        self.prints = None
        self.printed = 0.0  # when every bucket was last fingerprinted
        self.totals = None
        self.vocabulary = None

    def get(self, request=None):
        """Up to date with the bucket versions. They are read first, and renewed at a commit
        after the rows are visible, so a change is never missed for an older reading."""
        all_version = buckets.all_version()
        versions = buckets.versions(buckets.SMALL_SIZE, request)
        if self.vocabulary is None or self.stale(all_version, versions):
            prints = fingerprints(None, request)
            self.printed = time.time()
        else:
            before = self.bucket_versions
            changed = [
                n for n in versions.keys() | before.keys() if versions.get(n) != before.get(n)
            ]
            if not changed:
                return self.vocabulary
            prints = {n: p for n, p in self.prints.items() if n not in changed}
            prints.update(fingerprints(changed, request))
        if self.vocabulary is None:
            self.count_all(prints)
        elif prints != self.prints:
            self.apply(prints)
        self.prints, self.all_version, self.bucket_versions = prints, all_version, versions
        return self.vocabulary

    def stale(self, all_version, versions):
        """Whether every bucket must be fingerprinted again: they all have new versions, a
        version could not be kept (Redis away), or MAX_AGE has passed."""
        return (
            all_version != self.all_version
            or buckets.UNKEPT in repr((all_version, versions))
            or time.time() - self.printed > MAX_AGE
        )

    def apply(self, prints):
        """Replace the counts of the buckets whose fingerprint changed."""
        changed = [
            b for b in prints.keys() | self.prints.keys() if prints.get(b) != self.prints.get(b)
        ]
        gone = [b for b in changed if b in self.prints]
        old_keys = {bucket_key(b, self.prints[b]): b for b in gone}
        old = cache.get_many(list(old_keys))
        if len(old) < len(old_keys):  # a bucket's old counts were evicted: count everything
            self.count_all(prints)
            return
        new = bucket_counts(prints, [b for b in changed if b in prints])
        touched = set()
        for words in old.values():
            self.totals.subtract(words)
            touched.update(words)
        for words in new.values():
            self.totals.update(words)
            touched.update(words)
        for word in touched:
            if self.totals[word] <= 0:
                del self.totals[word]
        self.vocabulary.update(self.totals, touched)

    def count_all(self, prints):
        counts = bucket_counts(prints, list(prints))
        self.totals = Counter()
        for words in counts.values():
            self.totals.update(words)
        top = sorted(self.totals.items(), key=lambda item: -item[1])[:MAX_WORDS]
        self.vocabulary = Vocabulary(dict(top))


_memo = {}
_words = Words()


def vocabulary(request=None):
    """The vocabulary of the content as it is now."""
    if not caching_allowed():
        return build()
    if connection.vendor == "postgresql":
        return _words.get(request)
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
