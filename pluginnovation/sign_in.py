"""Where a page or document that is not for everyone sends a visitor it refuses.

Wagtail sends anyone a restriction refuses (to signed-in users, or to some groups) to
WAGTAIL_FRONTEND_LOGIN_URL. The admin's sign-in, which returns people to the page, sends a
signed-in editor straight back: one outside the page's groups went round until the browser
gave up ("too many redirects"). Here she is told she lacks the permission (a 403 in the
language of the page), and anyone else goes on to the admin's sign-in.
"""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

from pluginnovation.http_methods import require_safe


@require_safe
def sign_in(request):
    page = request.GET.get("next", "")
    if not request.user.is_authenticated:
        return redirect_to_login(page or "/", login_url=reverse("wagtailadmin_login"))
    language = translation.get_language_from_path(page) or translation.get_language()
    with translation.override(language):
        return render(request, "403.html", status=403)
