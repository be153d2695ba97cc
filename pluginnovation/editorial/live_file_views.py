"""Wagtail's edit and delete views of images and documents, which explain a refusal for a file
on published pages (live_files.py): which pages, and that the central team changes it. Served
ahead of Wagtail's views at the same addresses (wagtail_hooks.py)."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
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
        policy = self.permission_policy
        by_collection = CollectionOwnershipPermissionPolicy.user_has_any_permission_for_instance(
            policy, request.user, ["change"], instance
        )
        pages = pages_holding_back(request.user, instance) if by_collection else []
        if pages:
            refusal = Refusal(request=request, instance=instance, pages=pages)
            return refusal.response()
        return super().dispatch(request, *args, **kwargs)


class Refusal(WagtailAdminTemplateMixin):
    page_title = "Filen används på publicerade sidor"
    header_icon = "warning"

    def __init__(self, request, instance, pages):
        self.request, self.instance, self.pages = request, instance, pages

    def response(self):
        context = self.get_context_data(file=self.instance, pages=self.pages)
        return TemplateResponse(self.request, TEMPLATE, context, status=403)

    def get_context_data(self, **kwargs):
        context = {"view": self, **kwargs}
        context.update(
            page_title=self.page_title,
            header_icon=self.header_icon,
            breadcrumbs_items=[{"url": "", "label": self.page_title}],
        )
        return context


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
