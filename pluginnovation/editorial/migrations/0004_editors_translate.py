"""Redaktörer may translate pages into English (Wagtail's simple_translation, issue 13)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from pluginnovation.editorial.roles import grant_translation


def grant(apps, schema_editor):
    create_permissions(global_apps.get_app_config("simple_translation"), apps=apps, verbosity=0)
    grant_translation(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_editor_models"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
