from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


def site_session_length_on_login(sender, request, user, **kwargs):
    """A visitor's session is kept as long as their collection (collections.keep_session); once
    someone logs in with it, it is an editor's session again, with the site's own length."""
    if request is not None and hasattr(request, "session"):
        request.session.set_expiry(None)


class SavedConfig(AppConfig):
    name = "pluginnovation.saved"
    label = "saved"
    verbose_name = "Min samling"

    def ready(self):
        user_logged_in.connect(site_session_length_on_login, dispatch_uid="saved-session-length")
