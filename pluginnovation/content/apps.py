from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "pluginnovation.content"
    label = "content"
    verbose_name = "Innehåll"

    def ready(self):
        from pluginnovation.content import date_inputs, languages

        languages.cache_locale_lookups()
        date_inputs.register()
