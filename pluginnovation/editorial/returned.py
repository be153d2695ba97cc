"""The dashboard list "Tillbaka till dig för ändringar": the pages a Redaktör has sent back to
the person who submitted them, with who reviewed, when, and the reviewer's comment."""

from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState


def returned_for_changes(user):
    """The user's submissions whose review ended in a request for changes, newest first.

    One query whatever their number: the title is the submitted revision's own label
    (Revision.object_str), so neither the pages nor the revisions' content are loaded.
    """
    return (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES,
            requested_by=user,
            # The edit link is the page editor's; a snippet would need its own.
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
        )
        .select_related("current_task_state__finished_by", "current_task_state__revision")
        .defer("current_task_state__revision__content")
        .order_by("-current_task_state__finished_at")
    )


class ReturnedForChangesPanel(Component):
    """Above the role panel: work waiting for this editor comes first. Empty means not shown."""

    name = "editorial_returned_for_changes"
    template_name = "editorial/returned_for_changes.html"
    order = 40

    def get_context_data(self, parent_context):
        return {"returned": list(returned_for_changes(parent_context["request"].user))}
