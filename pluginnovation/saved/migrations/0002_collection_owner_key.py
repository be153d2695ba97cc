"""Each collection gets an owner key, which the owner's cookie carries instead of a session.

As Django's documentation does for a unique field on existing rows: the column without the
constraint, a key for every collection, then the constraint, in one migration, so on either
database no row can be written between the steps. The column stays nullable: the code before
this change, still answering while `migrate` runs, writes collections without a key, and
pluginnovation.saved.owner gives such a collection its key when it is next used.
"""

import secrets

from django.db import migrations, models

import pluginnovation.saved.models


def give_keys(apps, schema_editor):
    Collection = apps.get_model("saved", "Collection")
    for collection in Collection.objects.filter(owner_key__isnull=True).only("pk").iterator():
        Collection.objects.filter(pk=collection.pk).update(owner_key=secrets.token_urlsafe(32))


class Migration(migrations.Migration):
    dependencies = [("saved", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="collection",
            name="owner_key",
            field=models.CharField(max_length=64, null=True, editable=False),
        ),
        migrations.RunPython(give_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="collection",
            name="owner_key",
            field=models.CharField(
                default=pluginnovation.saved.models.new_owner_key,
                editable=False,
                max_length=64,
                null=True,
                unique=True,
                verbose_name="ägarnyckel",
            ),
        ),
    ]
