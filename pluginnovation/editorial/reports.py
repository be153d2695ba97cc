"""Wagtail's "Sidtyper" report (page types usage) for those who publish only.

It names the last edited page of every page type anywhere in the site, drafts and restricted
pages included, to anyone who may add or edit some page. A regional editor may only see her
own region's drafts, so the report needs the right to publish, which only the central team has.
"""

from django.urls import path

from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

from pluginnovation.editorial.admin_views import as_admin_view

NAME = "page-types-usage"


class SiteWidePageTypesUsage(PageTypesUsageReportView):
    any_permission_required = ["publish"]


def publishes(user):
    """True for the central team (and superusers): those who may publish some page. The page
    chooser uses the same line (editorial/wagtail_hooks.py)."""
    return SiteWidePageTypesUsage.permission_policy.user_has_any_permission(user, ["publish"])


# Wagtail's own addresses, placed before the admin's URLs so that these answer them; wrapped
# as Wagtail wraps its admin's views, so a refusal leads to the dashboard with its message (not
# the public site's 403 page) and no one signed in is asked to sign in.
urlpatterns = [
    path(f"admin/reports/{NAME}/", as_admin_view(SiteWidePageTypesUsage.as_view())),
    path(
        f"admin/reports/{NAME}/results/",
        as_admin_view(SiteWidePageTypesUsage.as_view(results_only=True)),
    ),
]
