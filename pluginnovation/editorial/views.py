"""The Redaktörsguide page and the dashboard panel that points each editor to her work."""

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.views.generic import TemplateView

from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from casestudies.models import RegionSectionPage
from pluginnovation.editorial.roles import EDITORS
from pluginnovation.editorial.uploads import allowed_types_text
from pluginnovation.taxonomy.models import SuccessFactor


def writable_sections(user):
    """The region sections the user may add case studies to."""
    sections = RegionSectionPage.objects.order_by("title")
    if user.is_superuser:
        return sections
    return sections.filter(
        group_permissions__group__user=user,
        group_permissions__permission__codename="add_page",
    ).distinct()


def role_context(user):
    return {
        "is_admin": user.is_superuser,
        "is_editor": user.is_superuser or user.groups.filter(name=EDITORS).exists(),
        "sections": writable_sections(user),
    }


class EditorialGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/guide.html"
    page_title = "Redaktörsguide"
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(role_context(self.request.user))
        context.update(
            {
                "factors": SuccessFactor.objects.all(),
                "document_types": allowed_types_text(),
                "document_max_size": filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE),
            }
        )
        return context


class RolePanel(Component):
    """First thing on the dashboard: what this editor may do, and where to start."""

    name = "editorial_role"
    template_name = "editorial/role_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        return role_context(parent_context["request"].user)
