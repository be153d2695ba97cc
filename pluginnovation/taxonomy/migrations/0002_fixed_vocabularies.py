"""Create the four success factors, the two levels and the three kinds of intervention.

Re-runnable: existing entries (found by slug) keep any text editors have changed since.
"""

from django.db import migrations

from pluginnovation.taxonomy.vocabulary import INTERVENTION_TYPES, LEVELS, SUCCESS_FACTORS


def create_vocabularies(apps, schema_editor):
    for model_name, entries in (
        ("SuccessFactor", SUCCESS_FACTORS),
        ("Level", LEVELS),
        ("InterventionType", INTERVENTION_TYPES),
    ):
        model = apps.get_model("taxonomy", model_name)
        for order, entry in enumerate(entries):
            defaults = {key: value for key, value in entry.items() if key != "slug"}
            model.objects.get_or_create(
                slug=entry["slug"], defaults={**defaults, "sort_order": order}
            )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(create_vocabularies, migrations.RunPython.noop)]
