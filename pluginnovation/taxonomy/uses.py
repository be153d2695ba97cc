"""What still uses a term: the pages, statements, municipalities and projects that name it.

Wagtail's "refererad N gånger" counts only what its reference index holds, which leaves out
the pages' many-to-many links to terms, so a target group on eight pages read "0 gånger" and
was removed from them without a word; a project with a project page gave a 500 (PROTECT).
A term in use is therefore not deleted (taxonomy.views.TermDeleteView).
"""

from django.db.models.fields.related import ForeignObjectRel

from wagtail.models import Page

# What visitors made: a deleted term drops out of their subscriptions and tips (or is set to
# nothing), and that must not keep an editor from deleting it.
VISITOR_DATA = {"alerts.subscription", "submissions.submission", "assessment.assessment"}

# (singular, plural) for what a term can be used by; pages of every type count as pages.
NOUNS = {
    "page": ("sida", "sidor"),
    "assessment.statement": ("påstående i självskattningen", "påståenden i självskattningen"),
    "taxonomy.municipality": ("kommun", "kommuner"),
    "taxonomy.project": ("projekt", "projekt"),
}


def relations(term):
    """The relations other models have to the term's model, leaving out many-to-many tables."""
    for relation in term._meta.get_fields(include_hidden=True):
        if isinstance(relation, ForeignObjectRel) and not relation.related_model._meta.auto_created:
            yield relation


def term_uses(term):
    """What uses the term, counted ("15 sidor", "6 påståenden i självskattningen"), pages
    first; empty if nothing does."""
    found = {}
    for relation in relations(term):
        model = relation.related_model
        kind = "page" if issubclass(model, Page) else model._meta.label_lower
        if kind in VISITOR_DATA:
            continue
        ids = model._base_manager.filter(**{relation.field.name: term}).values_list("pk", flat=True)
        found.setdefault(kind, set()).update(ids)
    uses = []
    for kind, (one, many) in NOUNS.items():
        count = len(found.pop(kind, ()))
        if count:
            uses.append(f"{count} {one if count == 1 else many}")
    for kind, ids in found.items():  # a relation added later, before it has a noun here
        if ids:
            uses.append(f"{len(ids)} {'post' if len(ids) == 1 else 'poster'} ({kind})")
    return uses
