"""The self-assessment's statements in the admin, under their own menu item."""

from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pluginnovation.assessment.models import Statement


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "tasks"
    menu_label = "Självskattning"
    menu_name = "sjalvskattning"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["text", "factor", BooleanColumn("live", label="Visas")]
    list_filter = ["factor", "live"]
    search_fields = ["text"]
    # Editors drag statements into the order the team meets them (within each factor's step).
    sort_order_field = "sort_order"
    ordering = ["sort_order", "pk"]
    copy_view_enabled = False


register_snippet(StatementViewSet)
