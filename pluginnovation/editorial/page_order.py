"""Wagtail's "set position" view for reordering a page among its siblings, kept from the tree's
root: the view asks the page's parent for permissions, and the root has none, so any editor's
request for the root's address was a 500 (an AttributeError) mailed to the admins."""

from django.http import Http404
from django.urls import path

from wagtail.admin.views.pages.ordering import set_page_position
from wagtail.models import Page

from pluginnovation.editorial.admin_views import as_admin_view


def set_position(request, page_to_move_id):
    if Page.objects.filter(pk=page_to_move_id, depth=1).exists():
        raise Http404("The root of the page tree has no siblings to be ordered among.")
    return set_page_position(request, page_to_move_id)


# Wagtail's own address, placed before the admin's URLs (pluginnovation/urls.py).
urlpatterns = [
    path("admin/pages/<int:page_to_move_id>/set_position/", as_admin_view(set_position)),
]
