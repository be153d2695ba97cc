"""Wagtail's bulk actions change rows with update(), which sends no save signal and writes no
log entry: a bulk action on images or documents changes the content version here
(pluginnovation.discovery.cache), so cached pages drop a file moved into a private collection
on the next request."""

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from pluginnovation.discovery.cache import changed


@hooks.register("after_bulk_action")
def files_changed(request, action_type, objects, action):
    if issubclass(action.model, get_image_model() | get_document_model()):
        changed()
