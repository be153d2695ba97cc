from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "pluginnovation.content"
    label = "content"
    verbose_name = "Innehåll"
