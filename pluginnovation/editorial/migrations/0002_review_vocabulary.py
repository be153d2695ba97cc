"""Rename the review step "Godkännande av Redaktörer" to "Granskning av redaktör".

Sites created after this change get the new name from 0001 directly; for them, and on a second
run, this does nothing. Going back leaves the new name: it is only a label.
"""

from django.db import migrations

from pluginnovation.editorial.workflow import rename_former_steps


def use_review_vocabulary(apps, schema_editor):
    rename_former_steps(apps)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_editorial_roles")]

    operations = [migrations.RunPython(use_review_vocabulary, migrations.RunPython.noop)]
