"""The format step of Wagtail's image chooser, for an image the editor may choose.

Rich text asks for an image's format at /admin/images/chooser/<id>/select_format/. Wagtail's
view answers for any image id with its title and a rendition's address (and the HTML to insert
it), whatever the editor's collections: a regional editor could read the title of another
region's image or one in a private collection, and get its picture. The other steps of the
chooser already ask for the "choose" permission on the image's collection; this one now does.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy
from wagtail.images.views.chooser import ImageChooserViewSet, ImageSelectFormatView


class PermittedImageSelectFormatView(ImageSelectFormatView):
    def dispatch(self, request, *args, image_id, **kwargs):
        image = get_object_or_404(get_image_model(), id=image_id)
        if not permission_policy.user_has_permission_for_instance(request.user, "choose", image):
            raise PermissionDenied
        return super().dispatch(request, *args, image_id=image_id, **kwargs)


def select_format_view():
    return PermittedImageSelectFormatView.as_view(
        model=get_image_model(),
        preserve_url_parameters=ImageChooserViewSet.preserve_url_parameters,
    )
