from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "pluginnovation.search"
    label = "sitesearch"
    verbose_name = "Sök och utforska"

    def ready(self):
        from pluginnovation.discovery import buckets, cache

        cache.connect_signals()
        buckets.connect_signals()
