"""English names for the target groups, levels and types of intervention, and for the fixed
levels and types (taxonomy.vocabulary.TERM_NAMES_EN) where no editor has written one."""

from django.db import migrations, models

from pluginnovation.taxonomy.vocabulary import TERM_NAMES_EN

NAME_EN = models.CharField(
    blank=True,
    help_text="Visas på de engelska sidorna. Tomt: det svenska namnet visas.",
    max_length=120,
    verbose_name="namn på engelska",
)


def fill_english(apps, schema_editor):
    for model_name, names in TERM_NAMES_EN.items():
        model = apps.get_model("taxonomy", model_name)
        for slug, name in names.items():
            model.objects.filter(slug=slug, name_en="").update(name_en=name)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0007_english_factor_wording")]

    operations = [
        migrations.AddField(model_name="interventiontype", name="name_en", field=NAME_EN),
        migrations.AddField(model_name="level", name="name_en", field=NAME_EN),
        migrations.AddField(model_name="targetgroup", name="name_en", field=NAME_EN),
        migrations.RunPython(fill_english, migrations.RunPython.noop),
    ]
