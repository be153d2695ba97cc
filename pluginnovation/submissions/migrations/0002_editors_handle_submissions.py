"""Redaktörer read, handle and remove the tips from schools. Regional editors get nothing here:
the tips hold senders' contact details and are triaged centrally; a tip's draft case study is
then filed in the region's section, where the region's editors can work on it."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from pluginnovation.editorial.roles import EDITORS, get_permission

ACTIONS = ["view", "change", "delete"]


def grant(apps, schema_editor):
    create_permissions(global_apps.get_app_config("submissions"), apps=apps, verbosity=0)
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITORS)
    group.permissions.add(
        *(get_permission(apps, "submissions", f"{action}_submission") for action in ACTIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="submissions",
                codename__in=[f"{action}_submission" for action in ACTIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
        ("editorial", "0003_editor_models"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
