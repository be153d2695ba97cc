from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "pluginnovation.home"
    label = "home"
    verbose_name = "Startsida och informationssidor"

    def ready(self):
        from wagtail.models import ReferenceIndex

        from pluginnovation.home import navigation
        from pluginnovation.home.models import FooterSettings

        navigation.connect_signals()
        # Wagtail indexes pages and snippets, not settings: a page linked from the footer was
        # "used 0 times" where editors unpublish or delete it, and left the footer silently.
        ReferenceIndex.register_model(FooterSettings)
