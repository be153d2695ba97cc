"""Wagtail names the top collection "Root"; editors choose it in Swedish when they upload a file
that belongs to no region, so it is named for what it holds."""

from django.db import migrations

WAGTAIL_NAME = "Root"
SWEDISH_NAME = "Gemensamma filer"


def rename(apps, old, new):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_editors_translate"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, _: rename(apps, WAGTAIL_NAME, SWEDISH_NAME),
            lambda apps, _: rename(apps, SWEDISH_NAME, WAGTAIL_NAME),
        )
    ]
