from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "pluginnovation.editorial"
    label = "editorial"
    verbose_name = "Redaktionellt arbete"

    def ready(self):
        from pluginnovation.editorial import live_files, signals  # noqa: F401

        live_files.install()
