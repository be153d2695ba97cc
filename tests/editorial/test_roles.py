"""The roles, the region set-up and the workflow that the migration and signals create."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

import pytest

from casestudies.models import RegionSectionPage
from pluginnovation.editorial.demo_users import DEMO_PASSWORD, create_demo_role_users
from pluginnovation.editorial.roles import (
    EDITOR_PAGE_PERMISSIONS,
    EDITORS,
    regional_group_name,
    sync_roles,
)
from pluginnovation.editorial.workflow import WORKFLOW_NAME, sync_workflow
from pluginnovation.taxonomy.models import Region

pytestmark = pytest.mark.django_db


def page_codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def collection_codenames(group, collection):
    return set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission__codename", flat=True
        )
    )


def test_editors_hold_every_page_permission_on_the_root_and_every_taxonomy_permission():
    editors = Group.objects.get(name=EDITORS)
    root = Page.get_first_root_node()
    assert page_codenames(editors, root) == set(EDITOR_PAGE_PERMISSIONS)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    for model in ["successfactor", "region", "municipality", "project", "level"]:
        assert {f"add_{model}", f"change_{model}", f"delete_{model}"} <= codenames
    assert "access_admin" in codenames
    assert collection_codenames(editors, Collection.get_first_root_node()) == {
        f"{action}_{model}"
        for action in ["add", "change", "delete", "choose"]
        for model in ["image", "document"]
    }


def test_wagtails_english_starter_groups_are_gone():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_a_new_region_gets_its_group_section_and_collection(site):
    group = Group.objects.get(name="Regionredaktörer – Testregion Norr")
    section = RegionSectionPage.objects.get(region=site.north)
    assert section.get_parent().pk == site.case_index.pk
    assert section.live
    # Add and edit in the own section only: never publish.
    assert page_codenames(group, section) == {"add_page", "change_page"}
    assert GroupPagePermission.objects.filter(group=group).count() == 2
    collection = Collection.objects.get(name="Testregion Norr")
    assert collection_codenames(group, collection) == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }
    assert set(group.permissions.values_list("codename", flat=True)) == {"access_admin"}


def test_renaming_a_region_renames_its_group_and_collection(site):
    site.north.name = "Testregion Nord"
    site.north.save()
    assert Group.objects.filter(name=regional_group_name("Testregion Nord")).exists()
    assert not Group.objects.filter(name=regional_group_name("Testregion Norr")).exists()
    assert Collection.objects.filter(name="Testregion Nord").exists()


def test_deleting_a_region_without_section_removes_its_group(db):
    region = Region.objects.create(name="Tillfällig region", slug="tillfallig")
    RegionSectionPage.objects.filter(region=region).delete()
    region.delete()
    assert not Group.objects.filter(name=regional_group_name("Tillfällig region")).exists()


def test_syncing_again_changes_nothing(site):
    from django.apps import apps

    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )
    sync_roles(apps)
    sync_workflow(apps)
    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )


def test_every_page_goes_through_granskning_approved_by_editors(site):
    workflow = site.north_case.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    assert site.article.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [EDITORS]


def test_demo_role_users_only_with_debug(site, settings):
    settings.DEBUG = False
    assert create_demo_role_users(io.StringIO()) == []
    assert not get_user_model().objects.filter(username="redaktor").exists()

    settings.DEBUG = True
    out = io.StringIO()
    create_demo_role_users(out)
    editor = get_user_model().objects.get(username="redaktor")
    assert editor.check_password(DEMO_PASSWORD)
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS]
    regional = get_user_model().objects.get(username="region-testregion-norr")
    assert list(regional.groups.values_list("name", flat=True)) == [
        "Regionredaktörer – Testregion Norr"
    ]
    assert "region-testregion-norr" in out.getvalue()
    assert not regional.is_superuser


def test_editors_maintain_the_self_assessment_statements_and_search_synonyms(
    client, editor, north_editor
):
    codenames = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    for model in ["statement", "synonym"]:
        assert {f"add_{model}", f"change_{model}", f"delete_{model}"} <= codenames
    client.force_login(editor)
    response = client.get("/admin/snippets/assessment/statement/")
    assert response.status_code == 200
    # A regional editor's role stays her region's pages and files.
    client.force_login(north_editor)
    assert client.get("/admin/snippets/assessment/statement/").status_code == 302
