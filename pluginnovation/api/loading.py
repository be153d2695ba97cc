"""Reading what a page of API results shows in a fixed number of queries, however many pages
it holds: one query per relation its fields show, one per StreamField block type that chooses
documents or images (across all the pages), one for the private collections if a document
or image is shown.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, prefetch_related_objects

from modelcluster.fields import ParentalKey
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page

from pluginnovation.content.visibility import visible
from pluginnovation.taxonomy.models import Municipality, Project

# Relations of a single term (a foreign key) that its representation shows
# (serializers.TERM_DETAILS).
TERM_RELATIONS = {Municipality: ["region"], Project: ["regions"]}


def public_children(model):
    """The rows of a child relation (a case study's results, a method's related pages) that
    may be shown: those pointing at a page point at one a visitor may see."""
    rows = model._default_manager.all()
    for entry in getattr(model, "api_fields", ()):
        name = getattr(entry, "name", entry)
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # a property, such as a result's direction
        if field.many_to_one and issubclass(field.related_model, Page):
            shown = visible(Page.objects.all()).values("pk")
            rows = rows.filter(**{f"{name}__in": shown}).select_related(name)
    return rows


def relations(model, field_names):
    """prefetch_related lookups for the relations among `field_names`, and the StreamFields."""
    lookups, streams = [], []
    for name in field_names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # type, detail_url, html_url, properties
        if isinstance(field, StreamField):
            streams.append(name)
        elif field.one_to_many and isinstance(field.remote_field, ParentalKey):
            # The privacy of a child row's page lies in this filter: every read of a child
            # relation goes through here, in the listing and the detail view alike.
            lookups.append(Prefetch(name, queryset=public_children(field.related_model)))
        elif field.is_relation:
            lookups.append(name)
            if field.many_to_one or field.one_to_one:
                more = TERM_RELATIONS.get(field.related_model, ())
                lookups += [f"{name}__{relation}" for relation in more]
    return lookups, streams


def prefetch_streams(streams):
    """Turn the raw blocks of many StreamField values into blocks at once: one bulk_to_python
    per block type over all of them, where each value would run its own (a query per page
    for every block type that chooses a document or an image).

    Fills the same cache StreamValue._prefetch_blocks fills for one value."""
    pending = {}
    for stream in streams:
        if not isinstance(stream, StreamValue) or not stream.is_lazy:
            continue
        for index, raw in enumerate(stream._raw_data):
            if stream._bound_blocks[index] is None:
                key = (id(stream.stream_block), raw["type"])
                pending.setdefault(key, []).append((stream, index))
    for (_block, type_name), places in pending.items():
        child_block = places[0][0].stream_block.child_blocks[type_name]
        values = child_block.bulk_to_python(
            [stream._raw_data[index]["value"] for stream, index in places]
        )
        for (stream, index), value in zip(places, values, strict=True):
            stream._bound_blocks[index] = StreamValue.StreamChild(
                child_block, value, id=stream._raw_data[index].get("id")
            )


def load(items, model, field_names):
    """Read everything the fields of `items` (objects of `model`) need, in bulk."""
    lookups, streams = relations(model, field_names)
    if lookups:
        prefetch_related_objects(items, *lookups)
    for name in streams:
        prefetch_streams([getattr(item, name) for item in items])
    return items
