from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "pluginnovation.search"
    label = "sitesearch"
    verbose_name = "Sök och utforska"

    def ready(self):
        from pluginnovation.discovery import cache, facet_index

        cache.connect_signals()
        facet_index.connect_signals()
