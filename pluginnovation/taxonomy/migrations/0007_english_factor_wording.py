"""The four success factors' English wording (taxonomy.vocabulary.SUCCESS_FACTORS_EN), where an
editor has not written any yet."""

from django.db import migrations

from pluginnovation.taxonomy.vocabulary import SUCCESS_FACTORS_EN


def fill_english(apps, schema_editor):
    SuccessFactor = apps.get_model("taxonomy", "SuccessFactor")
    for factor in SuccessFactor.objects.filter(slug__in=SUCCESS_FACTORS_EN):
        for field, text in SUCCESS_FACTORS_EN[factor.slug].items():
            if not getattr(factor, field):
                setattr(factor, field, text)
        factor.save()


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0006_english_wording")]

    operations = [migrations.RunPython(fill_english, migrations.RunPython.noop)]
