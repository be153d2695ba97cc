"""How Wagtail's pages and bulk actions meet delivery.

Wagtail's bulk actions change rows with update(), which sends no save signal and writes no
log entry: a bulk action on images or documents changes the content version here
(pluginnovation.discovery.cache), so cached pages drop a file moved into a private collection
on the next request."""

from django.http import HttpResponse

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from pluginnovation.discovery.cache import changed
from pluginnovation.http_methods import SAFE_METHODS, not_allowed


@hooks.register("after_bulk_action")
def files_changed(request, action_type, objects, action):
    if issubclass(action.model, get_image_model() | get_document_model()):
        changed()


@hooks.register("before_serve_page")
def pages_only_show(page, request, serve_args, serve_kwargs):
    """No page type of the site takes a form (forms have views of their own): a POST, PUT or
    DELETE to a page gets the site's 405, not the page as if something had been done (one
    without a CSRF token is refused before, by Django). OPTIONS names these methods, where
    Wagtail's answer offered every method."""
    if request.method == "OPTIONS":
        return HttpResponse(headers={"Allow": ", ".join([*SAFE_METHODS, "OPTIONS"])})
    if request.method not in SAFE_METHODS:
        return not_allowed(request, SAFE_METHODS)
    return None
