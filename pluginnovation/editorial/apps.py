from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "pluginnovation.editorial"
    label = "editorial"
    verbose_name = "Redaktionellt arbete"

    def ready(self):
        from pluginnovation.editorial import signals  # noqa: F401
