"""Tips från skolor in the admin: newest first, filtered by status, searchable; each opens to
the whole tip and the "Gör till fallstudie" button."""

from django import forms
from django.contrib.admin.utils import quote
from django.urls import path

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import DateColumn, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from pluginnovation.editorial.choosers import PrivateSnippetChooserViewSet
from pluginnovation.submissions.admin_views import SubmissionInspectView, make_case_study_view
from pluginnovation.submissions.forms import SubmissionForm
from pluginnovation.submissions.models import Submission


class SubmissionIndexView(IndexView):
    """The title leads to the whole tip and its "Gör till fallstudie" button (the inspect view),
    not to the form that edits the school's words; "Redigera" stays in the row's menu."""

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        column_class = self._get_title_column_class(column_class)
        return self._get_custom_column(
            field_name,
            column_class,
            get_url=self.get_inspect_url,
            # As Wagtail's snippet listing names each row's title for its bulk-action checkbox.
            get_title_id=lambda instance: f"snippet_{quote(instance.pk)}_title",
            **kwargs,
        )


class SubmissionViewSet(SnippetViewSet):
    model = Submission
    icon = "mail"
    menu_label = "Tips från skolor"
    menu_name = "tips-fran-skolor"
    menu_order = 320
    add_to_admin_menu = True
    list_display = [
        "title",
        "school",
        "municipality",
        "status",
        DateColumn("created", label="Inskickat"),
    ]
    list_filter = ["status"]
    search_fields = ["title", "school", "what_was_done", "results"]
    search_backend_name = None  # a plain database search: tips are not in the site's index
    ordering = ["-created", "-pk"]
    index_view_class = SubmissionIndexView
    # Tips are personal data: their chooser is for those who may read them.
    chooser_viewset_class = PrivateSnippetChooserViewSet
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = SubmissionInspectView
    inspect_template_name = "submissions/admin/inspect.html"
    # Everything the school sent, with its state around it.
    inspect_view_fields = ["status", "created", *SubmissionForm.Meta.fields, "case_study"]
    panels = [
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("school"),
                FieldPanel("municipality"),
                FieldPanel("municipality_other"),
                FieldPanel("factors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("what_was_done"),
                FieldPanel("results"),
            ],
            heading="Tipset",
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("consent", read_only=True),
                FieldPanel("show_contact", read_only=True),
            ],
            heading="Avsändaren",
        ),
        FieldPanel("case_study", read_only=True),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("fallstudie/<str:pk>/", make_case_study_view, name="make_case_study"),
        ]


register_snippet(SubmissionViewSet)
