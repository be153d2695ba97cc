"""What every region gets: a collection for its files, a case-study section, an editors group."""

from django.apps import apps
from django.contrib.auth.models import Group

from wagtail.models import Collection

from casestudies.models import CaseStudyIndexPage, RegionSectionPage
from pluginnovation.editorial.roles import (
    region_collection_name,
    regional_group_name,
    sync_region_group,
)


def ensure_region_collection(region):
    name = region_collection_name(region.name)
    collection = Collection.objects.filter(depth=2, name=name).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=name)
    return collection


def ensure_region_section(region):
    """The region's page under Fallstudier, once that index exists."""
    section = RegionSectionPage.objects.filter(region=region).first()
    if section is not None:
        return section
    index = CaseStudyIndexPage.objects.first()
    if index is None:
        return None
    section = RegionSectionPage(
        title=region.name,
        slug=region.slug,
        region=region,
        intro=f"Fallstudier från {region.name}.",
    )
    index.add_child(instance=section)
    section.save_revision().publish()
    return section


def set_up_region(region):
    ensure_region_collection(region)
    ensure_region_section(region)
    return sync_region_group(apps, region)


def rename_region(old_name, new_name):
    """Keep the group and collection names in step when a region is renamed."""
    Group.objects.filter(name=regional_group_name(old_name)).update(
        name=regional_group_name(new_name)
    )
    Collection.objects.filter(depth=2, name=region_collection_name(old_name)).update(
        name=region_collection_name(new_name)
    )
