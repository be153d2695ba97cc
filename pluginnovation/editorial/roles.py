"""The two editorial roles as Django groups holding Wagtail page, collection and model permissions.

Redaktörer, the central team, may do everything with pages, taxonomy, images and documents.
Each region's group, "Regionredaktörer – <region>", may add and edit pages in its region's case
study section and files in its region's collection, and nothing else: no publishing (its work goes
through the "Granskning" workflow), no taxonomy, no users, no settings.

Every function is idempotent and takes an app registry, so the data migration (historical models)
and the signal handlers (current models) share one definition of each role.
"""

EDITORS = "Redaktörer"
REGIONAL_EDITORS_PREFIX = "Regionredaktörer – "  # with an en dash

EDITOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
# No publish_page: a regional editor can only submit her work for review.
REGIONAL_PAGE_PERMISSIONS = ["add_page", "change_page"]

MEDIA_MODELS = [("wagtailimages", "image"), ("wagtaildocs", "document")]
EDITOR_MEDIA_ACTIONS = ["add", "change", "delete", "choose"]
# No delete (though Wagtail lets "change" delete): and a file a live page uses changes only
# with the right to publish that page (live_files.py), never past review.
REGIONAL_MEDIA_ACTIONS = ["add", "change", "choose"]
TAXONOMY_ACTIONS = ["add", "change", "delete"]
# Lists the central team keeps besides the taxonomy: the self-assessment's statements and the
# search synonyms (granted by migration 0003, once their apps' tables exist).
EDITOR_MODELS = [("assessment", "statement"), ("sitesearch", "synonym")]

# Redaktörer translate pages into English with Wagtail's "Översätt" (simple_translation);
# granted by migration 0004. Regional editors write their region's case studies in Swedish.
EDITOR_TRANSLATION_PERMISSION = ("simple_translation", "submit_translation")

# Wagtail's own starter groups would be a confusing, English third and fourth role.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def regional_group_name(region_name):
    return f"{REGIONAL_EDITORS_PREFIX}{region_name}"


def region_collection_name(region_name):
    return region_name


def get_permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_page_permissions(apps, group, page_id, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page_id=page_id,
            permission=get_permission(apps, "wagtailcore", codename),
        )


def grant_collection_permissions(apps, group, collection_id, actions):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for app_label, model_name in MEDIA_MODELS:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection_id=collection_id,
                permission=get_permission(apps, app_label, f"{action}_{model_name}"),
            )


def taxonomy_permissions(apps):
    return [
        get_permission(apps, "taxonomy", f"{action}_{model._meta.model_name}")
        for model in apps.get_app_config("taxonomy").get_models()
        for action in TAXONOMY_ACTIONS
    ]


def sync_editors_group(apps):
    """Redaktörer: every page from the root down, every taxonomy entry, every file."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")

    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(
        get_permission(apps, "wagtailadmin", "access_admin"), *taxonomy_permissions(apps)
    )
    grant_page_permissions(apps, group, Page.objects.get(depth=1).pk, EDITOR_PAGE_PERMISSIONS)
    grant_collection_permissions(
        apps, group, Collection.objects.get(depth=1).pk, EDITOR_MEDIA_ACTIONS
    )
    return group


def grant_editor_models(apps):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITORS)
    group.permissions.add(
        *(
            get_permission(apps, app_label, f"{action}_{model_name}")
            for app_label, model_name in EDITOR_MODELS
            for action in TAXONOMY_ACTIONS
        )
    )
    return group


def grant_translation(apps):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITORS)
    group.permissions.add(get_permission(apps, *EDITOR_TRANSLATION_PERMISSION))
    return group


def sync_region_group(apps, region):
    """A region's group, with rights on its section page and collection where they exist."""
    Group = apps.get_model("auth", "Group")
    RegionSectionPage = apps.get_model("casestudies", "RegionSectionPage")
    Collection = apps.get_model("wagtailcore", "Collection")

    group, _ = Group.objects.get_or_create(name=regional_group_name(region.name))
    group.permissions.add(get_permission(apps, "wagtailadmin", "access_admin"))
    section = RegionSectionPage.objects.filter(region_id=region.pk).first()
    if section is not None:
        grant_page_permissions(apps, group, section.pk, REGIONAL_PAGE_PERMISSIONS)
    collection = Collection.objects.filter(
        depth=2, name=region_collection_name(region.name)
    ).first()
    if collection is not None:
        grant_collection_permissions(apps, group, collection.pk, REGIONAL_MEDIA_ACTIONS)
    return group


def retire_wagtail_default_groups(apps):
    """Remove Wagtail's starter groups, unless someone has been put in them."""
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


def sync_roles(apps):
    sync_editors_group(apps)
    for region in apps.get_model("taxonomy", "Region").objects.all():
        sync_region_group(apps, region)
    retire_wagtail_default_groups(apps)
