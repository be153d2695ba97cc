"""All vocabularies under one "Taxonomi" menu in the admin."""

from django.contrib import messages
from django.shortcuts import redirect

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pluginnovation.taxonomy.models import (
    InterventionType,
    Level,
    Municipality,
    Project,
    Region,
    SuccessFactor,
    TargetGroup,
    Term,
)
from pluginnovation.taxonomy.uses import term_uses
from pluginnovation.taxonomy.views import TermDeleteView, refusal


class TermViewSet(SnippetViewSet):
    delete_view_class = TermDeleteView
    list_display = ["name", "slug"]
    search_fields = ["name"]
    # These lists are at most a few hundred rows: the database's own matching finds a term by
    # its names, on SQLite too (the search index's query there named a column it lacks: a 500).
    search_backend_name = None
    ordering = ["sort_order", "name"]
    add_to_admin_menu = False


class EnglishNamedViewSet(TermViewSet):
    """Terms the English pages name in English (taxonomy.models.EnglishName): an editor sees
    which still lack an English name, and finds a term by either name."""

    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]


class SuccessFactorViewSet(EnglishNamedViewSet):
    model = SuccessFactor
    icon = "pick"
    list_display = ["name", "name_en", "slug", "definition"]


class ProjectViewSet(TermViewSet):
    model = Project
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "start_year", "end_year", "owner"]
    ordering = ["start_year", "name"]


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"


class MunicipalityViewSet(TermViewSet):
    model = Municipality
    icon = "home"
    list_display = ["name", "code", "region", "kommungrupp"]
    list_filter = ["region", "kommungrupp"]
    ordering = ["name"]


class TargetGroupViewSet(EnglishNamedViewSet):
    model = TargetGroup
    icon = "group"


class LevelViewSet(EnglishNamedViewSet):
    model = Level
    icon = "list-ul"


class InterventionTypeViewSet(EnglishNamedViewSet):
    model = InterventionType
    icon = "list-ul"


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = "Taxonomi"
    menu_icon = "tag"
    menu_order = 300
    items = (
        SuccessFactorViewSet,
        ProjectViewSet,
        RegionViewSet,
        MunicipalityViewSet,
        TargetGroupViewSet,
        LevelViewSet,
        InterventionTypeViewSet,
    )


register_snippet(TaxonomyViewSetGroup)


@hooks.register("before_bulk_action")
def refuse_to_delete_terms_in_use(request, action_type, objects, action):
    """The list's bulk delete, as the delete view: nothing is deleted if a term is in use."""
    if action_type != "delete":
        return None
    refused = [
        refusal(term, uses)
        for term in objects
        if isinstance(term, Term)
        if (uses := term_uses(term))
    ]
    if not refused:
        return None
    messages.error(request, "Inget raderades. " + " ".join(refused))
    return redirect(action.next_url)
