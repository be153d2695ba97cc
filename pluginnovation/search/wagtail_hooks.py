"""The search synonyms in the admin menu."""

from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pluginnovation.search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "Söksynonymer"
    menu_order = 310
    add_to_admin_menu = True
    # A yes/no cell (Ja/Nej), not the field's Python value, "True" or "False".
    list_display = [
        "word",
        "equivalents",
        BooleanColumn("two_way", label=Synonym._meta.get_field("two_way").verbose_name),
    ]
    search_fields = ["word", "equivalents"]
    ordering = ["word"]


register_snippet(SynonymViewSet)
