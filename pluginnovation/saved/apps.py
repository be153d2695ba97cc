from django.apps import AppConfig


class SavedConfig(AppConfig):
    name = "pluginnovation.saved"
    label = "saved"
    verbose_name = "Min samling"
