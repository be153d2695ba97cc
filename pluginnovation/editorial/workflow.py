"""The review workflow: every page sent for review ("granskning") waits for a Redaktör's decision.

The workflow covers the whole site (it is assigned to the root page). Regional editors can only
submit case studies, and anyone given a non-publishing role later gets the same review for free.
Redaktörer themselves can publish directly, so the workflow never slows them down.

Idempotent and registry-agnostic like roles.py, so the data migration can run it.
"""

from pluginnovation.editorial.roles import EDITORS

# The review vocabulary of docs/editorial.md: "granskning", never "moderering" or "godkännande".
WORKFLOW_NAME = "Granskning"
TASK_NAME = "Granskning av redaktör"
# Names the step had before the vocabulary was fixed; renamed to TASK_NAME where found.
FORMER_TASK_NAMES = ["Godkännande av Redaktörer"]
# Created by Wagtail's own migrations and assigned to the root; "Granskning" replaces it.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def rename_former_steps(apps):
    """Give an existing step its current name, unless a step of that name already exists."""
    Task = apps.get_model("wagtailcore", "Task")
    if not Task.objects.filter(name=TASK_NAME).exists():
        Task.objects.filter(name__in=FORMER_TASK_NAMES).update(name=TASK_NAME)


def sync_workflow(apps):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    # Before the get-or-create below, or a site set up earlier would get a second step.
    rename_former_steps(apps)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=content_type, active=True
        )
    task.groups.add(Group.objects.get(name=EDITORS))

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(
        page=Page.objects.get(depth=1), defaults={"workflow": workflow}
    )
    Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).update(active=False)
    return workflow
