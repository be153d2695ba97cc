"""Give every new region its section, collection and editors' group as soon as it is saved."""

from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from casestudies.models import RegionSectionPage
from pluginnovation.editorial.regions import rename_region, set_up_region
from pluginnovation.editorial.roles import regional_group_name, sync_region_group
from pluginnovation.taxonomy.models import Region


@receiver(pre_save, sender=Region)
def remember_region_name(sender, instance, raw, **kwargs):
    if raw or instance.pk is None:
        return
    instance._previous_name = (
        Region.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    )


@receiver(post_save, sender=Region)
def region_saved(sender, instance, raw, **kwargs):
    if raw:
        return
    previous_name = getattr(instance, "_previous_name", None)
    if previous_name and previous_name != instance.name:
        rename_region(previous_name, instance.name)
    set_up_region(instance)


@receiver(post_delete, sender=Region)
def region_deleted(sender, instance, **kwargs):
    Group.objects.filter(name=regional_group_name(instance.name)).delete()


@receiver(post_save, sender=RegionSectionPage)
def section_saved(sender, instance, raw, **kwargs):
    """Sections made by hand or by the demo loader get their editors' rights too."""
    if raw:
        return
    sync_region_group(apps, instance.region)
