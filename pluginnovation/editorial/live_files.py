"""A file on a published page changes only with the right to publish that page.

Wagtail's permissions for images and documents go by collection, and count "delete" as
"change": a regional editor, whose pages go through review, could replace, rename or delete a
file of her region's collection that a published page shows, and the change was public at
once, past the review. Here a change or deletion of such a file also needs the right to
publish every live page that uses it (Wagtail's reference index says which); the central team
has that right, so for them nothing changes. Files on no live page, drafts' files, are as
before.

Wagtail builds one permission policy object for each model at import and its views hold on to
it, so install() gives those objects this class (a subclass that only adds the check). The edit
and delete views answer such a refusal with a page that names the published pages and whom to
ask (live_file_views.py), not Wagtail's "Du har inte behörighet att öppna den här delen".
"""

from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

GUARDED_ACTIONS = {"change", "delete"}


def live_pages_using(instance):
    references = ReferenceIndex.get_references_to(instance).filter(
        base_content_type=ReferenceIndex._get_base_content_type(Page)
    )
    ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    return Page.objects.live().filter(pk__in=ids) if ids else Page.objects.none()


def pages_holding_back(user, instance):
    """The live pages using `instance` that `user` may not publish."""
    return [
        page
        for page in live_pages_using(instance)
        if not page.permissions_for_user(user).can_publish()
    ]


def may_publish_every_page_using(user, instance):
    return not pages_holding_back(user, instance)


class LiveFilesPermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_any_permission_for_instance(self, user, actions, instance):
        allowed = super().user_has_any_permission_for_instance(user, actions, instance)
        if not allowed or user.is_superuser or not set(actions) <= GUARDED_ACTIONS:
            return allowed
        return may_publish_every_page_using(user, instance)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)


def install():
    from wagtail.documents import permissions as documents
    from wagtail.images import permissions as images

    for policy in (documents.permission_policy, images.permission_policy):
        if type(policy) is CollectionOwnershipPermissionPolicy:
            policy.__class__ = LiveFilesPermissionPolicy
