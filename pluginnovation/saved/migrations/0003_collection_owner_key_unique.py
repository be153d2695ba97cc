from django.db import migrations, models

import pluginnovation.saved.models


class Migration(migrations.Migration):
    dependencies = [("saved", "0002_collection_owner_key")]

    operations = [
        migrations.AlterField(
            model_name="collection",
            name="owner_key",
            field=models.CharField(
                default=pluginnovation.saved.models.new_owner_key,
                editable=False,
                max_length=64,
                unique=True,
                verbose_name="ägarnyckel",
            ),
        ),
    ]
