from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "pluginnovation.content"
    label = "content"
    verbose_name = "Innehåll"

    def ready(self):
        from pluginnovation.content import languages  # noqa: F401 (connects its signals)
