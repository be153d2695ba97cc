"""Redaktörer maintain the self-assessment's statements and the search synonyms."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from pluginnovation.editorial.roles import grant_editor_models


def grant(apps, schema_editor):
    for label in ["assessment", "sitesearch"]:
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    grant_editor_models(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_review_vocabulary"),
        ("assessment", "0002_help_texts"),
        ("sitesearch", "0004_synonym"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
