"""All vocabularies under one "Taxonomi" menu in the admin."""

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
)


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    add_to_admin_menu = False


class SuccessFactorViewSet(TermViewSet):
    model = SuccessFactor
    icon = "pick"
    list_display = ["name", "slug", "definition"]


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


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"


class LevelViewSet(TermViewSet):
    model = Level
    icon = "list-ul"


class InterventionTypeViewSet(TermViewSet):
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
