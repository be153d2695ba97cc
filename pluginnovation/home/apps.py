from django.apps import AppConfig
from django.db.models.signals import post_migrate


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
        post_migrate.connect(index_footer_links, sender=self)


def index_footer_links(**kwargs):
    """The footers saved before their links were indexed, on the next migrate (a few rows):
    an existing site needs no rebuild_references_index for them."""
    from wagtail.models import ReferenceIndex

    from pluginnovation.home.models import FooterSettings

    for footer in FooterSettings.objects.all():
        ReferenceIndex.create_or_update_for_object(footer)
