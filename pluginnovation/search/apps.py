from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "pluginnovation.search"
    label = "sitesearch"
    verbose_name = "Sök och utforska"

    def ready(self):
        from pluginnovation.discovery import buckets, cache
        from pluginnovation.search import factor_addresses

        # Buckets first: at a commit their versions are then renewed before the content
        # version, so a request that reads the new content version also reads the new bucket
        # versions, and nothing made from the rows before the commit is cached under it.
        buckets.connect_signals()
        cache.connect_signals()
        factor_addresses.connect_signals()
