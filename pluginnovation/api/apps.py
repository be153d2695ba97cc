from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "pluginnovation.api"
    label = "api"
    verbose_name = "Öppet API"
