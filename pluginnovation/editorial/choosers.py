"""A snippet chooser for a model whose items are private (visitors' tips): Wagtail's chooser
views check no permission, so anyone with the admin could list the items and read their titles
through /admin/snippets/choose/… even when the snippet's own listing refuses them."""

from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser

# What lets an editor read the items in the snippet's own listing.
READING = ["add", "change", "delete", "view"]


class ForReaders(PermissionCheckedMixin):
    any_permission_required = READING

    def dispatch(self, request, *args, **kwargs):
        self.permission_policy = ModelPermissionPolicy(self.model_class)
        return super().dispatch(request, *args, **kwargs)


class ChooseView(ForReaders, chooser.ChooseView):
    pass


class ChooseResultsView(ForReaders, chooser.ChooseResultsView):
    pass


class ChosenView(ForReaders, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(ForReaders, chooser.SnippetChosenMultipleView):
    pass


class PrivateSnippetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
