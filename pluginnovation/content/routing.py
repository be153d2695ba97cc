"""Routing that reads each page on the way to the requested one once, not twice."""

from django.http import Http404

from wagtail.models import Page


class PassThroughRouting:
    """For pages that pass requests on to their children: find the child in one query.

    Wagtail's Page.route reads the child's tree row, then its own table (.specific), only to
    call the child's route(). A page the request merely passes through needs its class, not its
    fields, and specific_deferred gives that without a query; the page that is served is read
    whole, as before. Otherwise the same as Page.route. Saves a query per level of the address.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug, *rest = path_components
        try:
            child = self.get_children().get(slug=slug)
        except Page.DoesNotExist as error:
            raise Http404 from error
        # As Page.route does: the child keeps its parent, so breadcrumbs need no query.
        child._cached_parent_obj = self
        child = child.specific_deferred if rest else child.specific
        return child.route(request, rest)
