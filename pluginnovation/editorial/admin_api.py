"""Wagtail's admin API (/admin/api/main/) for documents and images, limited to what the editor
may choose.

Wagtail registers both endpoints over every file, each collection's view restriction passed by
any logged-in user: a regional editor could list another region's restricted documents and
images (titles, alt texts, file addresses) that her own file listings and choosers never show
her. Here the endpoints offer what her choosers offer ("choose" permission on the collection).
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.permissions import permission_policy as image_policy


def choosable(queryset, policy, user):
    return queryset.filter(
        pk__in=policy.instances_user_has_any_permission_for(user, ["choose"]).values("pk")
    )


class ChoosableDocuments(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return choosable(super().get_queryset(), document_policy, self.request.user)


class ChoosableImages(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return choosable(super().get_queryset(), image_policy, self.request.user)


def limit_files(router):
    """Runs after Wagtail's own construct_admin_api hooks (a higher order) and replaces their
    endpoints under the same names."""
    router.register_endpoint("documents", ChoosableDocuments)
    router.register_endpoint("images", ChoosableImages)
