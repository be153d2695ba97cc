from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "pluginnovation.news"
    label = "news"
    verbose_name = "Aktuellt och evenemang"
