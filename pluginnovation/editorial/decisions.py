"""What a reviewer is told after deciding on a page.

From the page editor's action menu Wagtail says only "Sidan … har uppdaterats.", whatever the
decision did, so a reviewer who chose "Godkänn och publicera" could not tell whether the page
went out; from the dashboard's list of pages to review it says nothing at all, the row just
goes. Both say the outcome, read from the page's review after the decision.
"""

from django.contrib import messages
from django.urls import path

from wagtail.admin.views.pages.workflow import WorkflowAction
from wagtail.models import Page, TaskState, WorkflowState

from pluginnovation.editorial.admin_views import as_admin_view


def latest_review(page):
    """The page's latest review (a WorkflowState), or None if it was never sent for one."""
    return WorkflowState.objects.for_instance(page).order_by("-created_at").first()


def outcome_message(page):
    """The sentence for the page's latest review, or None if no decision shows in it."""
    page = Page.objects.get(pk=page.pk)
    title = page.get_admin_display_title()
    state = latest_review(page)
    if state is None:
        return None
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return f"Sidan ”{title}” har skickats tillbaka med begäran om ändringar."
    if state.status == WorkflowState.STATUS_APPROVED:
        if page.live and not page.has_unpublished_changes:
            return f"Sidan ”{title}” har godkänts och publicerats."
        return f"Sidan ”{title}” har godkänts och publiceras vid den tid som schemat anger."
    if state.status == WorkflowState.STATUS_IN_PROGRESS and state.current_task_state:
        task = state.current_task_state.task.name
        return f"Sidan ”{title}” har godkänts och väntar nu på steget ”{task}”."
    return None


def name_the_decision(request, page):
    """Swap Wagtail's "har uppdaterats" for what the decision did (after_edit_page)."""
    if not request.POST.get("action-workflow-action"):
        return
    sentence = outcome_message(page)
    if sentence is None:
        return
    storage = messages.get_messages(request)
    earlier = list(storage)  # reading marks them shown; those kept are added again below
    for message in earlier[:-1]:
        messages.add_message(request, message.level, message.message, message.extra_tags)
    messages.success(request, sentence)


class NamedDecision(WorkflowAction):
    """Wagtail's decision view (the dashboard's "Godkänn" and "Begär ändringar", and the
    page's status panel), telling the outcome when the decision was made: not when its form
    came back with an error."""

    def post(self, request, *args, **kwargs):
        before = self.task_state.status
        response = super().post(request, *args, **kwargs)
        decided = TaskState.objects.filter(pk=self.task_state.pk).exclude(status=before).exists()
        sentence = outcome_message(self.object) if decided else None
        if sentence is not None:
            messages.success(request, sentence)
        return response


# Wagtail's own address, placed before the admin's URLs (pluginnovation/urls.py) so that this
# answers it; wrapped as Wagtail wraps its admin's views.
urlpatterns = [
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        as_admin_view(NamedDecision.as_view()),
    ),
]
