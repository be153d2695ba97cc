from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "pluginnovation.opendata"
    label = "opendata"
    verbose_name = "Öppna data"
