"""The tree's root is shown to editors in breadcrumbs and choosers: give it a Swedish name.

The root is never served to visitors, so its title is only the admin's label for it.
"""

from django.db import migrations


def rename_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title="Rot", draft_title="Rot")


def restore_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Rot").update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [("home", "0005_figure_block"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(rename_root, restore_root)]
