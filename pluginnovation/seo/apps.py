from django.apps import AppConfig


class SeoConfig(AppConfig):
    name = "pluginnovation.seo"
    label = "seo"
    verbose_name = "Sökbarhet och flöden"
