from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as document_serve

from pluginnovation import password_attempts, sign_in
from pluginnovation.editorial import decisions as editorial_decisions
from pluginnovation.editorial import page_order
from pluginnovation.editorial import reports as editorial_reports
from pluginnovation.editorial.password_reset import BoundedPasswordResetView
from pluginnovation.http_methods import require_safe

# The plain error pages speak the address's language (pluginnovation.delivery.error_pages); a
# database that is away gives a 503 with Retry-After, not a 500. The 403 and 404 pages are
# Django's, kept from a POST body they cannot read (a 400, not a 500).
handler400 = "pluginnovation.delivery.error_pages.bad_request"
handler403 = "pluginnovation.delivery.error_pages.permission_denied"
handler404 = "pluginnovation.delivery.error_pages.page_not_found"
handler500 = "pluginnovation.delivery.unavailable.server_error"

urlpatterns = [
    *editorial_reports.urlpatterns,
    *editorial_decisions.urlpatterns,
    *page_order.urlpatterns,
    # Wagtail's password reset form with a bound on its mails, ahead of it at the same address.
    path(
        "admin/password_reset/",
        BoundedPasswordResetView.as_view(),
        name="bounded_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, for reading only (TRACE or PUT answered with the file), and its
    # password form for protected documents, with a bound on guessing; the same addresses as
    # Wagtail's own, which follow and are no longer reached. Pages: below.
    path(
        "dokument/authenticate_with_password/<int:restriction_id>/",
        password_attempts.document_password,
    ),
    # Never a form, so no CSRF check first: a PUT gets the 405, not "the form was not sent".
    re_path(r"^dokument/(\d+)/(.*)$", csrf_exempt(require_safe(document_serve.serve))),
    path("dokument/", include(wagtaildocs_urls)),
    path("logga-in/", sign_in.sign_in, name="sign_in"),
    path("", include("pluginnovation.seo.urls")),
    path("sjalvskattning/", include("pluginnovation.assessment.urls")),
    path("samling/", include("pluginnovation.saved.urls")),
    path("bevaka/", include("pluginnovation.alerts.urls")),
    path("tipsa/", include("pluginnovation.submissions.urls")),
    # Open data: the read-only API and the downloads, for anyone to reuse (docs/api.md).
    path("api/v2/", include("pluginnovation.api.urls")),
    path("oppna-data/", include("pluginnovation.opendata.urls")),
    path("", include("pluginnovation.places.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only, as nginx does in production (deploy/nginx.conf). Documents can be private (a
    # collection with a privacy restriction), so they go through Wagtail's view at /dokument/,
    # which checks it, even under `make run`.
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=f"{settings.MEDIA_ROOT}/{folder}"
        )

# In both languages: Swedish without a prefix, as always, and English under /en/.
urlpatterns += i18n_patterns(
    path("", include("pluginnovation.search.urls")),
    # As for documents above: Wagtail's password form for pages, in both languages.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        password_attempts.page_password,
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
