"""Moderation, revisions and scheduled publishing, driven through the admin as editors do it."""

import datetime
import importlib

from django.apps import apps as global_apps
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Revision, Task, Workflow

import pytest

from pluginnovation.editorial.workflow import sync_workflow
from tests.editorial.support import case_study_form_data, later

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def submit(client, page, **changes):
    data = case_study_form_data(page, **changes)
    data["action-submit"] = "action-submit"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302
    return fresh(page)


def publish(client, page, **changes):
    data = case_study_form_data(page, **changes)
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.context["form"].errors
    return fresh(page)


def test_moderation_round_trip(client, site, editor, north_editor):
    """Regional editor submits, a Redaktör is told and approves, the page goes live, she is told."""
    client.force_login(north_editor)
    page = submit(client, site.north_case, title="Närvarolyftet – resultat efter två år")
    assert page.title == "Närvarolyftet i Norrby"  # still the live version
    assert [message.to for message in mail.outbox] == [[editor.email]]
    mail.outbox.clear()

    client.force_login(editor)
    dashboard = client.get("/admin/")
    assert "Närvarolyftet – resultat efter två år" in dashboard.text
    task_state = page.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    response = client.post(approve, {"comment": "Bra, publiceras."}, follow=True)
    # Decided from the dashboard's list, the reviewer is told what happened, as in the editor.
    assert response.redirect_chain[0][1] == 302
    assert "har godkänts och publicerats" in response.content.decode()

    page = fresh(page)
    assert page.live
    assert page.title == "Närvarolyftet – resultat efter två år"
    assert not page.workflow_in_progress
    assert [message.to for message in mail.outbox] == [[north_editor.email]]
    assert "Närvarolyftet – resultat efter två år" in mail.outbox[0].body


def test_requested_changes_go_back_to_the_submitter(client, site, editor, north_editor):
    client.force_login(north_editor)
    page = submit(client, site.north_case, title="Ett utkast som behöver arbete")
    mail.outbox.clear()

    client.force_login(editor)
    task_state = page.current_workflow_task_state
    reject = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    response = client.post(reject, {"comment": "Lägg till källa för siffrorna."}, follow=True)
    assert "skickats tillbaka med begäran om ändringar" in response.content.decode()

    page = fresh(page)
    assert page.title == "Närvarolyftet i Norrby"
    assert [message.to for message in mail.outbox] == [[north_editor.email]]
    assert "Lägg till källa för siffrorna." in mail.outbox[0].body


def test_a_regional_editor_cannot_approve_her_own_submission(client, site, north_editor):
    client.force_login(north_editor)
    page = submit(client, site.north_case, title="Godkänner mig själv")
    task_state = page.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    response = client.post(approve, {"comment": ""})
    assert response.status_code in (302, 403)
    page = fresh(page)
    assert page.title == "Närvarolyftet i Norrby"
    assert page.workflow_in_progress


def test_compare_and_revert_restore_earlier_content(client, site, editor):
    client.force_login(editor)
    original = fresh(site.south_case)
    first_revision = original.live_revision
    publish(client, original, title="Mentorskap i Söderby – ny version", summary="Ny text.")
    assert fresh(original).summary == "Ny text."

    latest = fresh(original).live_revision
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[original.pk, first_revision.pk, latest.pk],
    )
    response = client.get(compare)
    assert response.status_code == 200
    assert "Mentorskap i Söderby – ny version" in response.text

    revert = reverse("wagtailadmin_pages:revisions_revert", args=[original.pk, first_revision.pk])
    response = client.get(revert)
    assert response.status_code == 200
    assert 'value="Mentorskap i Söderby"' in response.text

    # The revert view fills the edit form with the old revision; publishing it restores it.
    old = first_revision.as_object()
    data = case_study_form_data(original, title=old.title, summary=old.summary)
    data["action-publish"] = "action-publish"
    data["revision"] = str(first_revision.pk)
    response = client.post(edit_url(original), data)
    assert response.status_code == 302
    restored = fresh(original)
    assert restored.title == "Mentorskap i Söderby"
    assert restored.summary == "En kort sammanfattning."


def test_history_lists_who_did_what(client, site, editor):
    client.force_login(editor)
    publish(client, site.south_case, title="Mentorskap i Söderby, rättad")
    response = client.get(reverse("wagtailadmin_pages:history", args=[site.south_case.pk]))
    assert response.status_code == 200
    assert editor.get_full_name() in response.text or editor.username in response.text


def test_scheduled_go_live_is_published_by_publish_scheduled(client, site, editor):
    client.force_login(editor)
    page = fresh(site.south_case)
    page.unpublish()
    publish(client, page, title="Schemalagd fallstudie", go_live_at=later(days=2))
    page = fresh(page)
    assert not page.live
    revision = Revision.page_revisions.filter(object_id=str(page.pk)).latest("created_at")
    assert revision.approved_go_live_at is not None

    # Two days pass: move the schedule into the past instead of waiting.
    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = a_minute_ago
    revision.content["go_live_at"] = a_minute_ago.isoformat()
    revision.save()
    call_command("publish_scheduled")
    page = fresh(page)
    assert page.live
    assert page.title == "Schemalagd fallstudie"


def test_expired_pages_are_taken_down_by_publish_scheduled(client, site, editor):
    client.force_login(editor)
    page = publish(client, site.south_case, expire_at=later(days=30))
    assert page.live
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    page = fresh(page)
    assert not page.live
    assert page.expired


# The review vocabulary in the workflow's own names


def the_review_workflow():
    workflow = Workflow.objects.get(name="Granskning")
    return [
        (task.name, list(task.specific.groups.values_list("name", flat=True)))
        for task in workflow.tasks
    ]


def test_the_review_workflow_has_one_step_named_in_our_vocabulary(db):
    assert the_review_workflow() == [("Granskning av redaktör", ["Redaktörer"])]
    assert Page.get_first_root_node().get_workflow().name == "Granskning"


@pytest.mark.parametrize("run", ["data migration", "role sync"])
def test_the_old_step_name_is_renamed_once_and_never_duplicated(db, run):
    """Sites set up before the vocabulary was fixed have "Godkännande av Redaktörer"."""
    task = Task.objects.get(name="Granskning av redaktör")
    Task.objects.filter(pk=task.pk).update(name="Godkännande av Redaktörer")
    migration = importlib.import_module(
        "pluginnovation.editorial.migrations.0002_review_vocabulary"
    )
    for _ in range(2):  # a second run changes nothing
        if run == "data migration":
            migration.use_review_vocabulary(global_apps, None)
        else:
            sync_workflow(global_apps)
    assert Task.objects.get(pk=task.pk).name == "Granskning av redaktör"
    assert not Task.objects.filter(name="Godkännande av Redaktörer").exists()
    assert the_review_workflow() == [("Granskning av redaktör", ["Redaktörer"])]


def test_a_regional_editor_cannot_schedule_so_an_approval_publishes_at_once(
    client, site, editor, north_editor
):
    """Publishing dates are for those who may publish: an approval publishes the version under
    review with its dates, so a date a regional editor set would quietly turn "Godkänn och
    publicera" into a schedule (or take a live page down later)."""
    client.force_login(north_editor)
    page = submit(
        client,
        site.north_case,
        title="Närvarolyftet, med schema",
        go_live_at=later(days=30),
        expire_at=later(days=60),
    )
    client.force_login(editor)
    task_state = page.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    assert client.post(approve, {"comment": ""}).status_code == 302
    page = fresh(page)
    assert page.live and page.title == "Närvarolyftet, med schema"
    assert page.go_live_at is None and page.expire_at is None


def test_a_regional_editor_is_not_offered_a_schedule(client, site, editor, north_editor):
    client.force_login(north_editor)
    assert "Sätt schema" not in client.get(edit_url(site.north_case)).text
    client.force_login(editor)
    assert "Sätt schema" in client.get(edit_url(site.north_case)).text


def test_a_passed_expiry_does_not_stop_a_regional_editor_saving(client, site, north_editor):
    """Wagtail refuses an expiry in the past, and the field is not hers to change."""
    page = fresh(site.north_case)
    page.expire_at = timezone.now() - datetime.timedelta(days=1)
    page.save()
    client.force_login(north_editor)
    response = client.post(edit_url(page), case_study_form_data(page, title="Sparas ändå"))
    assert response.status_code == 302, response.context["form"].errors
    assert fresh(page).get_latest_revision_as_object().title == "Sparas ändå"
