"""Create the editorial roles and the "Granskning" workflow, or bring them back in line.

Re-runnable: every step is get-or-create, so running it again (e.g. `migrate editorial zero`
then `migrate editorial`) only adds what is missing.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from pluginnovation.editorial.roles import sync_roles
from pluginnovation.editorial.workflow import sync_workflow

# Django creates model permissions only after the whole migrate run; the roles need them now.
PERMISSION_APPS = ["wagtailcore", "wagtailadmin", "wagtailimages", "wagtaildocs", "taxonomy"]


def sync_editorial_roles(apps, schema_editor):
    for label in PERMISSION_APPS:
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    sync_roles(apps)
    sync_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("taxonomy", "0002_fixed_vocabularies"),
        ("casestudies", "0002_initial"),
    ]

    operations = [migrations.RunPython(sync_editorial_roles, migrations.RunPython.noop)]
