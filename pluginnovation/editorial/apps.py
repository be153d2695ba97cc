from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "pluginnovation.editorial"
    label = "editorial"
    verbose_name = "Redaktionellt arbete"

    def ready(self):
        from pluginnovation.editorial import date_inputs, live_files, signals  # noqa: F401

        date_inputs.register()
        live_files.install()
