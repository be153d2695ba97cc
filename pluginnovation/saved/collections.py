"""What a visitor does with their collection (found by its cookie, pluginnovation.saved.owner):
add, move, remove, empty, copy; and which of its pages may still be shown.

Every page shown goes through pluginnovation.content.visibility.visible(): a page unpublished
or restricted after it was saved simply drops out (the views say how many did).
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Exists, Max, OuterRef
from django.utils import timezone

from pluginnovation.content.models import ContentPage
from pluginnovation.content.numbers import typed_int
from pluginnovation.content.visibility import visible
from pluginnovation.saved.models import MAX_ITEMS, MAX_NAME_LENGTH, Collection, CollectionItem

# secrets.token_urlsafe(24) gives 32 characters; accept a little either side, nothing else.
SHARE_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def parse_page_id(raw):
    return typed_int(raw, max_digits=12)


def shared_collection(token):
    """The collection with this share token, or None for anything malformed or unknown."""
    if not isinstance(token, str) or not SHARE_TOKEN.fullmatch(token):
        return None
    return Collection.objects.filter(share_token=token).first()


def savable_page(page_id):
    """The content page a visitor may save: visible, or None."""
    if page_id is None:
        return None
    return visible(ContentPage.objects.filter(pk=page_id)).only("pk", "title").first()


ADDED, ALREADY, FULL = "added", "already", "full"


def add_page(collection, page):
    """Add a page at the end; ADDED, ALREADY (saved before) or FULL (MAX_ITEMS reached)."""
    with transaction.atomic():
        items = CollectionItem.objects.filter(collection=collection)
        if items.filter(page=page).exists():
            return ALREADY
        stats = items.aggregate(last=Max("position"), count=Count("pk"))
        if stats["count"] >= MAX_ITEMS:
            return FULL
        position = (stats["last"] or 0) + 1
        CollectionItem.objects.create(collection=collection, page_id=page.pk, position=position)
    changed(collection)
    return ADDED


def changed(collection, *fields):
    """Save a change; a change is also a use, which keeps the collection from removal."""
    collection.last_used = timezone.now()
    collection.save(update_fields=["updated", "last_used", *fields])


def remove_page(collection, page_id):
    """Take the page out of the collection: its title when it was shown there (a visible
    page), "" when it was not, None when it was not in the collection."""
    title = visible(ContentPage.objects.filter(pk=page_id)).values_list("title", flat=True).first()
    deleted, _rows = CollectionItem.objects.filter(collection=collection, page_id=page_id).delete()
    if not deleted:
        return None
    changed(collection)
    return title or ""


def move_page(collection, page_id, direction):
    """Swap a page with its visible neighbour above ("upp") or below ("ner"); returns its new
    place and how many are shown, (2, 3), or None when it cannot move that way."""
    items = list(collection.items.filter(page__in=visible(ContentPage.objects.all())))
    index = next((i for i, item in enumerate(items) if item.page_id == page_id), None)
    if index is None:
        return None
    other = index - 1 if direction == "upp" else index + 1
    if direction not in ("upp", "ner") or not 0 <= other < len(items):
        return None
    first, second = items[index], items[other]
    with transaction.atomic():
        if first.position == second.position:
            # Equal positions (never written by us, but cheap to survive): renumber first.
            for number, item in enumerate(items, start=1):
                item.position = number
            CollectionItem.objects.bulk_update(items, ["position"])
        first.position, second.position = second.position, first.position
        CollectionItem.objects.bulk_update([first, second], ["position"])
    changed(collection)
    return other + 1, len(items)


def empty(collection):
    collection.items.all().delete()
    changed(collection)


def rename(collection, name):
    # Control characters (a NUL cannot even be stored in PostgreSQL) become spaces.
    printable = "".join(char if char.isprintable() else " " for char in name or "")
    collection.name = " ".join(printable.split())[:MAX_NAME_LENGTH]
    changed(collection, "name")


@dataclass
class Copied:
    added: int
    already: int  # in the target before
    no_room: int  # left out: the target was full


def copy_into(source, target):
    """Append the source's visible pages to the target (up to MAX_ITEMS): what was added, what
    the target had already and what did not fit."""
    have = set(target.items.values_list("page_id", flat=True))
    room = MAX_ITEMS - len(have)
    last = target.items.aggregate(last=Max("position"))["last"] or 0
    shared = contents(source).page_ids
    new = [page_id for page_id in shared if page_id not in have]
    page_ids = new[: max(room, 0)]
    CollectionItem.objects.bulk_create(
        CollectionItem(collection=target, page_id=page_id, position=last + number)
        for number, page_id in enumerate(page_ids, start=1)
    )
    if not target.name and source.name:
        target.name = source.name
    changed(target, "name")
    return Copied(len(page_ids), len(shared) - len(new), len(new) - len(page_ids))


@dataclass
class Contents:
    pairs: list  # (page id, content type id) of the visible pages, in order
    total: int

    @property
    def page_ids(self):
        return [page_id for page_id, _type in self.pairs]

    @property
    def hidden(self):
        """Saved pages no longer available (unpublished or restricted since)."""
        return self.total - len(self.page_ids)


def contents(collection):
    """The visible page ids in order, and how many items the collection holds (one query)."""
    if collection is None:
        return Contents([], 0)
    shown = Exists(visible(ContentPage.objects.filter(pk=OuterRef("page_id"))))
    rows = list(
        collection.items.order_by("position", "pk")
        .annotate(shown=shown)
        .values_list("page_id", "page__content_type_id", "shown")
    )
    pairs = [(page_id, type_id) for page_id, type_id, is_shown in rows if is_shown]
    return Contents(pairs, len(rows))
