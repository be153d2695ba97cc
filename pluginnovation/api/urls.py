"""/api/v2/: Wagtail's API router with the three public endpoints (docs/api.md)."""

from django.urls import path, re_path

from wagtail.api.v2.router import WagtailAPIRouter

from pluginnovation.api import views

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", views.PublicPagesAPIViewSet)
api_router.register_endpoint("documents", views.PublicDocumentsAPIViewSet)
api_router.register_endpoint("images", views.PublicImagesAPIViewSet)

# Included at api/v2/ under the router's namespace, which its detail URLs are reversed in.
app_name = api_router.url_namespace
urlpatterns = [
    path("", views.index, name="index"),
    *api_router.get_urlpatterns(),
    # Any other address below /api/v2/ answers in JSON too. Only addresses ending in "/", so
    # that /api/v2/pages still gets the usual redirect to /api/v2/pages/.
    re_path(r"^.+/$", views.not_found),
]
