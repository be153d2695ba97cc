from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "pluginnovation.taxonomy"
    label = "taxonomy"
    verbose_name = "Taxonomi"
