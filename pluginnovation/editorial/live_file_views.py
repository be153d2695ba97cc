"""Wagtail's edit and delete views of images and documents, which explain a refusal for a file
on published pages (live_files.py): which pages, and that the central team changes it. Served
ahead of Wagtail's views at the same addresses (wagtail_hooks.py)."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from wagtail.documents import get_document_model
from wagtail.documents.views import documents
from wagtail.images import get_image_model
from wagtail.images.views import images
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from pluginnovation.editorial.live_files import pages_holding_back

TEMPLATE = "editorial/file_on_live_pages.html"


class ExplainedRefusal:
    """Before the view: a file this editor may change by its collection, but which published
    pages she may not publish use, gets the explanation instead (403)."""

    file_model = None
    id_kwarg = ""

    def dispatch(self, request, *args, **kwargs):
        instance = get_object_or_404(self.file_model(), pk=kwargs[self.id_kwarg])
        by_collection = CollectionOwnershipPermissionPolicy.user_has_any_permission_for_instance(
            self.permission_policy, request.user, ["change"], instance
        )
        pages = pages_holding_back(request.user, instance) if by_collection else []
        if pages:
            return refusal(request, instance, pages)
        return super().dispatch(request, *args, **kwargs)


def refusal(request, instance, pages):
    title = "Filen används på publicerade sidor"
    context = {
        "file": instance,
        "pages": pages,
        "page_title": title,
        "header_icon": "warning",
        "breadcrumbs_items": [{"url": "", "label": title}],
    }
    return TemplateResponse(request, TEMPLATE, context, status=403)


class DocumentEditView(ExplainedRefusal, documents.EditView):
    file_model = staticmethod(get_document_model)
    id_kwarg = "document_id"


class DocumentDeleteView(ExplainedRefusal, documents.DeleteView):
    file_model = staticmethod(get_document_model)
    id_kwarg = "document_id"


class ImageEditView(ExplainedRefusal, images.EditView):
    file_model = staticmethod(get_image_model)
    id_kwarg = "image_id"


class ImageDeleteView(ExplainedRefusal, images.DeleteView):
    file_model = staticmethod(get_image_model)
    id_kwarg = "image_id"
