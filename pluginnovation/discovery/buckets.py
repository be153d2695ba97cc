"""Buckets of page ids, each with a version of its own: what a publish changes, and no more.

The content version (pluginnovation.discovery.cache) changes with every edit, so everything
cached under it is computed anew after each publish. The facet index, the search's rankings
and the search vocabulary are made of parts per bucket of page ids instead: the facet index's
of INDEX_SIZE ids, the others' of SMALL_SIZE. A bucket's version changes when one of its
pages, or their categories or keywords, change (`bump_bucket` renews the page's bucket of each
size), so after a publish only that bucket's part is read again. Whatever else the parts depend on
(categories, view restrictions, a move, an editor's action on more than one page) gives every
bucket a new version at once (`bump_all`).

Versions live in the shared cache, as the content version does, and change at once and again
when the transaction commits (see discovery.cache.changed). A version the cache did not take
(Redis away) makes every bucket new on this process's next read once it is back; whatever is
kept per bucket is also used for at most MAX_AGE after it was read from the database, so a
change made without signals, or a lost version, is seen within five minutes.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max, Q
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from taggit.models import Tag
from wagtail.models import BaseLogEntry, Page, PageViewRestriction

from pluginnovation.content.models import PageTag
from pluginnovation.discovery.cache import MAX_AGE, new_version
from pluginnovation.taxonomy.models import Term

# The facet index goes through every bucket to count, so its buckets are few and large; the
# rankings' are small, since PostgreSQL ranked 5 × 512 changed pages no faster than all 10,000
# (and 5 × 32 in 8 ms). The facet index reads a bucket again in its small buckets that
# changed, so INDEX_SIZE is a multiple of SMALL_SIZE.
INDEX_SIZE = 512
SMALL_SIZE = 32
assert INDEX_SIZE % SMALL_SIZE == 0
ALL_KEY = "buckets-version"
TOP_KEY = "buckets-top"
# Versions made up while the shared cache is away: unique, so nothing is kept under them.
UNKEPT = "unkept-"

# Editors' actions that change one page only; that page's own save already renewed its bucket.
# Any other logged action (a move, a view restriction, a copy of a subtree …) renews them all.
ONE_PAGE_ACTIONS = (
    "wagtail.create",
    "wagtail.edit",
    "wagtail.publish",
    "wagtail.unpublish",
    "wagtail.revert",
    "wagtail.rename",
    "wagtail.lock",
    "wagtail.unlock",
    "wagtail.workflow",
    "wagtail.schedule",
    "wagtail.comments",
)

_unsaved = {"all": False}


def sizes():
    return {INDEX_SIZE, SMALL_SIZE}


def version_key(size, number):
    return f"bucket-version:{size}:{number}"


def top_key():
    """The highest bucket number of the largest size: the page ids versions() covers."""
    return f"{TOP_KEY}:{max(sizes())}"


def _write(key, version):
    cache.set(key, version, None)
    return cache.get(key) == version


def bump_all():
    """Every bucket is out of date; if the shared cache did not take it, try again later."""
    _unsaved["all"] = not _write(ALL_KEY, new_version())


def bump_bucket(pk):
    # Smallest first: a reader that sees a bucket's new version and then reads the versions
    # of the smaller buckets within it (the facet index does) sees which of them changed.
    # If one is not taken, the larger ones are left alone: the next read here renews all.
    for size in sorted(sizes()):
        if not _write(version_key(size, pk // size), new_version()):
            _unsaved["all"] = True
            break
    # A page beyond the highest bucket known: the highest page id is read again.
    largest = max(sizes())
    if pk // largest > cache.get(top_key(), pk // largest):
        cache.delete(top_key())


def renewed(bump, *args):
    """Renew now and again when the transaction commits."""
    bump(*args)
    transaction.on_commit(lambda: bump(*args))


def on_save_or_delete(sender, instance, **kwargs):
    if issubclass(sender, Page):
        renewed(bump_bucket, instance.pk)
    elif issubclass(sender, PageTag):
        renewed(bump_bucket, instance.content_object_id)
    elif issubclass(sender, BaseLogEntry):
        if not instance.action.startswith(ONE_PAGE_ACTIONS):
            renewed(bump_all)
    elif issubclass(sender, Term | Tag | PageViewRestriction):
        renewed(bump_all)


def on_m2m_changed(sender, instance, **kwargs):
    if isinstance(instance, Page):
        renewed(bump_bucket, instance.pk)
    elif isinstance(instance, Term):
        renewed(bump_all)


def connect_signals():
    post_save.connect(on_save_or_delete, dispatch_uid="buckets-save")
    post_delete.connect(on_save_or_delete, dispatch_uid="buckets-delete")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="buckets-m2m")
    post_migrate.connect(lambda **kwargs: bump_all(), dispatch_uid="buckets-migrate", weak=False)


def all_version():
    """The version every bucket's key holds besides its own."""
    if _unsaved["all"]:
        bump_all()
    version = cache.get(ALL_KEY)
    if version is None:
        cache.add(ALL_KEY, new_version(), None)
        version = cache.get(ALL_KEY)
    return version if version is not None else UNKEPT + new_version()


def versions(size, request=None):
    """{bucket number: version} of every bucket of `size` ids up to the end of the largest
    size's bucket of the highest page id (a new page with a higher id in that bucket need not
    read the highest id again), each given a version where it has none (never read, or
    evicted). Read once per request: a search's vocabulary and ranking both need them."""
    read = request.__dict__.setdefault("_bucket_versions", {}) if request is not None else {}
    if size not in read:
        read[size] = read_versions(size)
    return read[size]


def read_versions(size):
    largest = max(sizes())
    top = cache.get(top_key())
    if top is None:
        top = (Page.objects.aggregate(top=Max("pk"))["top"] or 0) // largest
        # For MAX_AGE only: a page committed just after the read above, in a bucket of its
        # own, would otherwise be left out until a page beyond it is saved.
        cache.set(top_key(), top, MAX_AGE)
    return versions_of(size, range(-(-(top + 1) * largest // size)))


def versions_of(size, numbers):
    """{bucket number: version} of the given buckets of `size` ids."""
    names = {number: version_key(size, number) for number in numbers}
    found = cache.get_many(list(names.values()))
    if len(found) < len(names):
        for name in names.values():
            if name not in found:
                cache.add(name, new_version(), None)
        found = cache.get_many(list(names.values()))
    # A version the cache cannot keep (Redis away) leaves the bucket unkept: read each time.
    return {number: found.get(name, f"{UNKEPT}{new_version()}") for number, name in names.items()}


def smaller(number, size, small_size):
    """The numbers of the buckets of `small_size` ids within bucket `number` of `size` ids."""
    return range(number * size // small_size, (number + 1) * size // small_size)


def number(pk, size):
    return pk // size


def within(numbers, size, column="pk"):
    """A condition for `column` (a page id) in the buckets `numbers` of `size` ids."""
    condition = Q()
    for start, end in id_ranges(numbers, size):
        condition |= Q(**{f"{column}__gte": start, f"{column}__lt": end})
    return condition


def id_ranges(numbers, size):
    """[start, end) page id ranges of the bucket numbers of `size` ids, adjacent ones joined."""
    ranges = []
    for n in sorted(numbers):
        start, end = n * size, (n + 1) * size
        if ranges and ranges[-1][1] == start:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return ranges
