"""Searches counted for the editors' report of popular queries (Wagtail's search promotions).

Every new search is counted, also when its page comes from the page cache, where counting is
the only work a hit does. Written to the database at once, that made a cached search cost an
upsert in PostgreSQL: half the speed of any other cached page. So each process keeps its counts
and writes them every SEARCH_COUNT_SECONDS (one statement per query and day), and when the
process ends; a process that crashes loses at most those seconds' counts of a report that is a
ranking, not a ledger. SEARCH_COUNT_SECONDS = 0 writes each search at once.
"""

import atexit
import contextlib
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import DataError, connection
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_pending = Counter()  # {(normalised query, date): searches not yet written}
_written_at = [time.monotonic()]


def record_search(text):
    """Count one search of `text` today."""
    # Cut to the column: lower case may be longer than the query ("İ" is two characters).
    normalised = normalise_query_string(text)[: Query._meta.get_field("query_string").max_length]
    if not normalised:
        return
    with _lock:
        _pending[(normalised, timezone.localdate())] += 1
        seconds = settings.SEARCH_COUNT_SECONDS
        due = seconds <= 0 or time.monotonic() - _written_at[0] >= seconds
    if due:
        write_counts()


def write_counts():
    """Write the counts kept so far: one statement per query and day. Counts the database did
    not take (it is restarting, say) are kept for the next time."""
    with _lock:
        counts = list(_pending.items())
        _pending.clear()
        _written_at[0] = time.monotonic()
    for done, ((normalised, day), searches) in enumerate(counts):
        try:
            add_hits(normalised, day, searches)
        except DataError:
            # This count can never be written; kept, it would fail every write after it.
            logger.warning("Search count dropped: %r", normalised, exc_info=True)
        except Exception:
            with _lock:
                _pending.update(dict(counts[done:]))
            raise


def add_hits(normalised, day, searches):
    """Add `searches` to the day's count of the query, where Wagtail's Query.get(text).add_hit()
    reads the query, reads the day's row and updates it: upserts instead, one statement on
    PostgreSQL (two upserts), two on SQLite (which has no INSERT in a WITH)."""
    quote = connection.ops.quote_name
    queries, hits = (quote(m._meta.db_table) for m in (Query, QueryDailyHits))
    # Not in a transaction of its own: a failure between SQLite's two statements leaves a query
    # without a count, which the next count completes; a transaction would cost two more
    # round trips on every write.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"WITH found AS (INSERT INTO {queries} (query_string) VALUES (%s) "
                "ON CONFLICT (query_string) DO UPDATE SET query_string = EXCLUDED.query_string "
                f"RETURNING id) INSERT INTO {hits} (query_id, date, hits) "
                "SELECT id, %s, %s FROM found "
                f"ON CONFLICT (query_id, date) DO UPDATE SET hits = {hits}.hits + EXCLUDED.hits",
                [normalised, day, searches],
            )
            return
        cursor.execute(
            f"INSERT INTO {queries} (query_string) VALUES (%s) "
            "ON CONFLICT (query_string) DO NOTHING",
            [normalised],
        )
        # SQLite reads ON CONFLICT after a SELECT only when the SELECT has a WHERE clause.
        cursor.execute(
            f"INSERT INTO {hits} (query_id, date, hits) "
            f"SELECT id, %s, %s FROM {queries} WHERE query_string = %s "
            f"ON CONFLICT (query_id, date) DO UPDATE SET hits = {hits}.hits + excluded.hits",
            [day, searches, normalised],
        )


def write_counts_at_exit():
    # The database may already be gone; there is nothing to do about it then.
    with contextlib.suppress(Exception):
        write_counts()


atexit.register(write_counts_at_exit)
